// Every map's tiles and marker images, and the small maps on link and authority pages (one
// marker each). Tiles come from Kizuna's own server unless a tile server is configured.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("map-config").textContent);
  // Named outright: Leaflet's guess from its stylesheet's URL fails on hashed static names.
  L.Icon.Default.imagePath = "";
  L.Icon.Default.mergeOptions(config.icon);
  window.kizunaTiles = function (map) {
    L.tileLayer(config.tiles.url, {
      attribution: config.tiles.attribution,
      maxNativeZoom: config.tiles.maxNativeZoom,
      maxZoom: config.tiles.maxZoom,
    }).addTo(map);
    return map;
  };
  document.querySelectorAll(".mini-map").forEach(function (element) {
    var where = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)];
    var map = window.kizunaTiles(L.map(element, { scrollWheelZoom: false }));
    map.setView(where, parseInt(element.dataset.zoom, 10));
    L.marker(where, { keyboard: false, alt: element.getAttribute("aria-label") }).addTo(map);
  });
})();
