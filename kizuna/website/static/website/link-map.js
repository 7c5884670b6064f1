// The map page: the UK authorities of the filtered links on one map, their Japanese partners on
// the other. Whenever a map moves it asks the server for its view (the page's filters, the side,
// the zoom level and the bounding box rounded out to that zoom's tiles, so the same views ask
// for the same URLs and hit the cache) and draws the answer: numbered circles for clusters
// (select one to zoom in) and a marker for each place, whose popup lists its links.
(function () {
  "use strict";
  var holder = document.querySelector(".maps");
  var maps = {
    uk: window.kizunaTiles(L.map("map-gb")).setView([54.5, -3.5], 5),
    jp: window.kizunaTiles(L.map("map-jp")).setView([37.5, 137.5], 4),
  };

  function bbox(map) {
    var step = 360 / Math.pow(2, map.getZoom()), bounds = map.getBounds();
    function out(value, round, limit) {
      return Math.max(-limit, Math.min(limit, round(value / step) * step));
    }
    return [
      out(bounds.getWest(), Math.floor, 180), out(bounds.getSouth(), Math.floor, 90),
      out(bounds.getEast(), Math.ceil, 180), out(bounds.getNorth(), Math.ceil, 90),
    ].join(",");
  }

  function element(tag, text, href) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (href) { node.href = href; }
    return node;
  }

  function popup(place) {
    var box = element("div");
    place.authorities.forEach(function (authority) {
      var heading = box.appendChild(element("p"));
      heading.appendChild(element("a", authority.name, authority.url));
      heading.appendChild(document.createTextNode(" · " + authority.label));
      if (authority.links) {
        var list = box.appendChild(element("ul"));
        authority.links.forEach(function (link) {
          var title = link.title + (link.formed ? " (" + link.formed + ")" : "");
          list.appendChild(element("li")).appendChild(element("a", title, link.url));
        });
      } else {
        box.appendChild(element("p")).appendChild(element("a", authority.list.label, authority.list.url));
      }
    });
    return box;
  }

  function short(count) {
    if (count < 1000) { return String(count); }
    return (count < 10000 ? (count / 1000).toFixed(1) : Math.round(count / 1000)) + "k";
  }

  function clusterMarker(cluster, map) {
    var size = 30 + 6 * Math.min(4, Math.floor(Math.log10(cluster.count)));
    var marker = L.marker([cluster.lat, cluster.lon], {
      icon: L.divIcon({
        className: "map-cluster", html: short(cluster.count), iconSize: [size, size],
      }),
      title: cluster.label,
    });
    marker.on("add", function () { marker.getElement().setAttribute("aria-label", cluster.label); });
    marker.on("click", function () {
      var b = cluster.bounds;
      map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: [24, 24] });
    });
    return marker;
  }

  function placeMarker(place) {
    var names = place.authorities.map(function (a) { return a.name; }).join(", ");
    var title = place.authorities.map(function (a) { return a.name + " · " + a.label; });
    return L.marker([place.lat, place.lon], { title: title.join("; "), alt: names })
      .bindPopup(function () { return popup(place); }, { maxHeight: 280 });
  }

  function follow(side) {
    var map = maps[side], layer = L.layerGroup().addTo(map), shown = "", asked = 0;
    var reading = false;  // a popup is open: redrawing would close it
    function load() {
      var query = "side=" + side + "&zoom=" + map.getZoom() + "&bbox=" + bbox(map);
      if (reading || query === shown) { return; }
      var ticket = ++asked;
      var filters = holder.dataset.filters;
      fetch(holder.dataset.points + "?" + (filters ? filters + "&" : "") + query, {
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          if (!response.ok) { throw new Error("map points: HTTP " + response.status); }
          return response.json();
        })
        .then(function (data) {
          if (ticket !== asked) { return; }  // the map moved again meanwhile
          shown = query;
          layer.clearLayers();
          data.clusters.forEach(function (c) { layer.addLayer(clusterMarker(c, map)); });
          data.places.forEach(function (p) { layer.addLayer(placeMarker(p)); });
          map.getContainer().dataset.view = query;
          if (maps.uk.getContainer().dataset.view && maps.jp.getContainer().dataset.view) {
            holder.dataset.loaded = "true";
          }
        });
    }
    map.on("moveend", load);
    map.on("popupopen", function () { reading = true; });
    map.on("popupclose", function () { reading = false; load(); });
    load();
  }

  follow("uk");
  follow("jp");
})();
