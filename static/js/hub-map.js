// The hub's maps (species records, species richness per 1 km square): draws each
// <div class="bsap-map" data-geojson="URL" data-kind="points|richness"> with Leaflet, served from
// /static/vendor/. The GeoJSON comes from the hub's API, which has already generalised what this
// reader may not see precisely. No base map tiles: the service fetches nothing from elsewhere.
// Each map sits beside a table with the same figures, so the page says everything without it.
(function () {
  'use strict';
  if (!window.L || !window.fetch || !document.querySelectorAll) return;

  // Five classes from pale to deep green (ColorBrewer YlGn), light enough for the outline to show.
  var CLASSES = ['#d9f0a3', '#addd8e', '#78c679', '#31a354', '#006837'];

  function colour(value, max) {
    if (!max) return CLASSES[0];
    var index = Math.min(CLASSES.length - 1, Math.floor((value / max) * CLASSES.length));
    return CLASSES[index];
  }

  function pointsLayer(data) {
    return L.geoJSON(data, {
      pointToLayer: function (feature, latlng) {
        var generalised = feature.properties && feature.properties.generalised;
        return L.circleMarker(latlng, {
          radius: generalised ? 8 : 4, weight: 1, color: '#0b0c0c',
          fillColor: generalised ? '#4c2c92' : '#1d70b8', fillOpacity: 0.7
        });
      },
      onEachFeature: function (feature, layer) {
        var p = feature.properties || {};
        layer.bindTooltip(String(p.eventDate || '') + (p.generalised ? ' *' : ''));
      }
    });
  }

  function richnessLayer(data, max) {
    return L.geoJSON(data, {
      style: function (feature) {
        return { fillColor: colour(feature.properties.species, max), fillOpacity: 0.85,
                 color: '#505a5f', weight: 0.3 };
      },
      onEachFeature: function (feature, layer) {
        layer.bindTooltip(feature.properties.cell + ': ' + feature.properties.species);
      }
    });
  }

  function legend(map, max, title) {
    var control = L.control({ position: 'bottomright' });
    control.onAdd = function () {
      var box = L.DomUtil.create('div', 'bsap-map-legend');
      var heading = L.DomUtil.create('div', '', box);
      heading.textContent = title;
      for (var i = 0; i < CLASSES.length; i++) {
        var row = L.DomUtil.create('div', '', box);
        var swatch = L.DomUtil.create('span', 'bsap-map-legend__swatch', row);
        swatch.style.background = CLASSES[i];
        var from = Math.floor((i * max) / CLASSES.length) + (i ? 1 : 0);
        var to = Math.floor(((i + 1) * max) / CLASSES.length);
        row.appendChild(document.createTextNode(from + '–' + to));
      }
      return box;
    };
    control.addTo(map);
  }

  function draw(element, data) {
    if (!data || !data.features || !data.features.length) return;
    element.classList.add('bsap-map--active');
    var map = L.map(element, { attributionControl: false, zoomSnap: 0.25 });
    var kind = element.getAttribute('data-kind');
    var max = Number(element.getAttribute('data-max')) || 0;
    var layer = kind === 'richness' ? richnessLayer(data, max) : pointsLayer(data);
    layer.addTo(map);
    map.fitBounds(layer.getBounds(), { padding: [10, 10], maxZoom: 14 });
    if (kind === 'richness') legend(map, max, element.getAttribute('data-legend') || '');
    element.setAttribute('data-drawn', String(data.features.length));
  }

  Array.prototype.forEach.call(document.querySelectorAll('.bsap-map[data-geojson]'), function (element) {
    fetch(element.getAttribute('data-geojson'), { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { draw(element, data); })
      .catch(function () { /* the table beside the map has the figures */ });
  });
})();
