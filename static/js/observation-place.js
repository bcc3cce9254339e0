// The observation form's place, with JavaScript: a "use my location" button (the browser's
// geolocation) and a map of Hong Kong's home region on which a click sets the latitude and
// longitude. Without JavaScript the two fields are typed; the server checks them either way.
// No base map tiles: the service fetches nothing from elsewhere (as hub-map.js).
(function () {
  'use strict';
  var box = document.getElementById('place-tools');
  var lat = document.getElementById('latitude');
  var lon = document.getElementById('longitude');
  if (!box || !lat || !lon) return;
  box.hidden = false;

  function set(latitude, longitude) {
    lat.value = latitude.toFixed(6);
    lon.value = longitude.toFixed(6);
    lat.dispatchEvent(new Event('change'));
  }

  var locate = document.getElementById('use-my-location');
  var status = document.getElementById('place-status');
  if (locate && navigator.geolocation) {
    locate.addEventListener('click', function () {
      status.textContent = box.getAttribute('data-locating');
      navigator.geolocation.getCurrentPosition(function (position) {
        set(position.coords.latitude, position.coords.longitude);
        status.textContent = box.getAttribute('data-located');
      }, function () {
        status.textContent = box.getAttribute('data-not-located');
      }, { enableHighAccuracy: true, timeout: 15000 });
    });
  } else if (locate) {
    locate.hidden = true;
  }

  var mapDiv = document.getElementById('place-map');
  if (!mapDiv || !window.L) return;
  var b = mapDiv.getAttribute('data-bounds').split(',').map(Number);
  var bounds = L.latLngBounds([b[0], b[1]], [b[2], b[3]]);
  mapDiv.classList.add('bsap-map--active');
  var map = L.map(mapDiv, { attributionControl: false });
  L.rectangle(bounds, { color: '#505a5f', weight: 1, fill: false }).addTo(map);
  map.fitBounds(bounds);
  var marker = null;
  function mark() {
    var la = Number(lat.value), lo = Number(lon.value);
    if (!lat.value || !lon.value || isNaN(la) || isNaN(lo)) return;
    if (marker) marker.setLatLng([la, lo]);
    else marker = L.circleMarker([la, lo], { radius: 6, color: '#0b0c0c', fillColor: '#1d70b8', fillOpacity: 0.8 }).addTo(map);
  }
  map.on('click', function (event) { set(event.latlng.lat, event.latlng.lng); });
  lat.addEventListener('change', mark);
  lon.addEventListener('change', mark);
  mark();
})();
