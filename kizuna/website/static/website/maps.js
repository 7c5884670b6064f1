// Small maps on link and authority pages: one marker each, tiles from Kizuna's own server.
(function () {
  "use strict";
  var tiles = JSON.parse(document.getElementById("map-tiles").textContent);
  window.kizunaTiles = function (map) {
    L.tileLayer(tiles.url, {
      attribution: tiles.attribution, maxNativeZoom: tiles.maxNativeZoom, maxZoom: 10,
    }).addTo(map);
    return map;
  };
  document.querySelectorAll(".mini-map").forEach(function (element) {
    var lat = parseFloat(element.dataset.lat), lon = parseFloat(element.dataset.lon);
    if (isNaN(lat) || isNaN(lon)) { element.hidden = true; return; }
    var map = window.kizunaTiles(L.map(element, { scrollWheelZoom: false }));
    map.setView([lat, lon], parseInt(element.dataset.zoom, 10) || 5);
    L.marker([lat, lon], { keyboard: false }).addTo(map);
  });
})();
