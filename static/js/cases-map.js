// The good-practice cases' maps and the observations' map, drawn with Leaflet from
// /static/vendor/ (no base map tiles: the service fetches nothing from elsewhere; Hong Kong's
// extent is outlined instead).
// - .bsap-map[data-list=ID] (#cases-map, #observations-map): a marker for each
//   <li data-lat data-lon data-href data-title> of the list, which the server has already
//   filtered (and, for observations, placed where the public may see them), so the map shows
//   what the list shows.
// - #case-map[data-lat][data-lon]: one case's place.
// - #case-place-map: the case form's place; a click sets the latitude and longitude fields.
// Every map repeats what the page says in text, so nothing depends on it.
(function () {
  'use strict';
  if (!window.L || !document.querySelector) return;

  var HONG_KONG = [[22.13, 113.82], [22.57, 114.51]];

  function baseMap(element) {
    element.classList.add('bsap-map--active');
    var map = L.map(element, { attributionControl: false, zoomSnap: 0.25 });
    L.rectangle(HONG_KONG, { color: '#505a5f', weight: 1, fill: false, interactive: false }).addTo(map);
    return map;
  }

  function marker(lat, lon) {
    return L.circleMarker([lat, lon], {
      radius: 8, weight: 2, color: '#0b0c0c', fillColor: '#00703c', fillOpacity: 0.8
    });
  }

  function drawList(element) {
    var list = document.getElementById(element.getAttribute('data-list'));
    var items = list ? list.querySelectorAll('li[data-lat][data-lon]') : [];
    var map = baseMap(element);
    var layer = L.featureGroup();
    Array.prototype.forEach.call(items, function (item) {
      var point = marker(Number(item.getAttribute('data-lat')), Number(item.getAttribute('data-lon')));
      point.bindTooltip(item.getAttribute('data-title') || '');
      point.on('click', function () { window.location.href = item.getAttribute('data-href'); });
      point.addTo(layer);
    });
    layer.addTo(map);
    if (items.length) map.fitBounds(layer.getBounds(), { padding: [30, 30], maxZoom: 13 });
    else map.fitBounds(HONG_KONG);
    element.setAttribute('data-drawn', String(items.length));
  }

  function drawCase(element) {
    var map = baseMap(element);
    var lat = Number(element.getAttribute('data-lat'));
    var lon = Number(element.getAttribute('data-lon'));
    marker(lat, lon).addTo(map);
    map.setView([lat, lon], 12);
    element.setAttribute('data-drawn', '1');
  }

  function drawPicker(element) {
    var latField = document.getElementById('latitude');
    var lonField = document.getElementById('longitude');
    if (!latField || !lonField) return;
    var map = baseMap(element);
    map.fitBounds(HONG_KONG);
    var chosen = null;
    function show(lat, lon) {
      if (chosen) map.removeLayer(chosen);
      chosen = marker(lat, lon).addTo(map);
    }
    if (latField.value && lonField.value) show(Number(latField.value), Number(lonField.value));
    map.on('click', function (event) {
      latField.value = event.latlng.lat.toFixed(5);
      lonField.value = event.latlng.lng.toFixed(5);
      show(event.latlng.lat, event.latlng.lng);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('.bsap-map[data-list]'), drawList);
  var one = document.getElementById('case-map');
  if (one) drawCase(one);
  var picker = document.getElementById('case-place-map');
  if (picker) drawPicker(picker);
})();
