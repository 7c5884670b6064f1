// The map page: every link as a pair of points, UK on one map and Japan on the other,
// clustered; a marker's popup leads to the link page. Points come with the page's filters.
(function () {
  "use strict";
  var holder = document.querySelector(".maps");
  var gb = window.kizunaTiles(L.map("map-gb")).setView([54.5, -3.5], 5);
  var jp = window.kizunaTiles(L.map("map-jp")).setView([37.5, 137.5], 4);
  var clusters = { gb: L.markerClusterGroup(), jp: L.markerClusterGroup() };

  function popup(link) {
    var anchor = document.createElement("a");
    anchor.href = link.url;
    anchor.textContent = link.title + (link.formed ? " (" + link.formed + ")" : "");
    return anchor;
  }

  fetch(holder.dataset.points, { headers: { Accept: "application/json" } })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      data.links.forEach(function (link) {
        clusters.gb.addLayer(L.marker([link.uk.lat, link.uk.lon], { title: link.uk.name })
          .bindPopup(popup(link)));
        clusters.jp.addLayer(L.marker([link.jp.lat, link.jp.lon], { title: link.jp.name })
          .bindPopup(popup(link)));
      });
      gb.addLayer(clusters.gb);
      jp.addLayer(clusters.jp);
      holder.dataset.loaded = data.links.length;
    });
})();
