// The species fields' choice list (<datalist id="species-names">), with JavaScript: as a name is
// typed, the hub's taxa whose scientific, Chinese or English name holds it, from the public
// species search (/api/v1/biodata/species?q=). Without JavaScript the list holds what the server
// put in it, and the name typed is matched by the server either way.
(function () {
  'use strict';
  var list = document.getElementById('species-names');
  if (!list || !window.fetch) return;
  var chinese = (document.documentElement.lang || '').indexOf('zh') === 0;
  var asked = '';

  function label(species) {
    var common = chinese ? (species.nameZh || species.nameEn) : (species.nameEn || species.nameZh);
    return common ? common + ' — ' + species.scientificName : species.scientificName;
  }

  function show(found) {
    list.textContent = '';
    found.forEach(function (species) {
      var option = document.createElement('option');
      option.value = species.scientificName;
      option.textContent = label(species);
      list.appendChild(option);
    });
  }

  function search(text) {
    if (text.length < 2 || text === asked) return;
    asked = text;
    fetch('/api/v1/biodata/species?q=' + encodeURIComponent(text))
      .then(function (response) { return response.ok ? response.json() : { species: [] }; })
      .then(function (body) { if (asked === text) show(body.species.slice(0, 20)); })
      .catch(function () {});
  }

  var timer = null;
  Array.prototype.forEach.call(document.querySelectorAll('input[list="species-names"]'),
    function (input) {
      input.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () { search(input.value.trim()); }, 250);
      });
    });
})();
