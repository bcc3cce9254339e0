// The part pages of the applicant portal: shows what the guidelines' checker finds as the
// applicant types, without saving (POST …/parts/PART/check). The page works without this
// script: saving shows the same findings. Text only, never HTML, goes into the page.
(function () {
  'use strict';
  var form = document.querySelector('form[data-live-check]');
  var panel = document.getElementById('findings');
  if (!form || !panel || !window.fetch || !window.URLSearchParams) return;
  var timer = null;
  var sequence = 0;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function item(finding) {
    var li = element('li', 'bsap-finding bsap-finding--' + finding.severity);
    li.appendChild(element('strong', 'bsap-tag', finding.severity_name));
    li.appendChild(document.createTextNode(' '));
    var message = finding.input ? element('a', 'bsap-link', finding.message) : element('span', '', finding.message);
    if (finding.input) message.href = '#' + finding.input;
    li.appendChild(message);
    li.appendChild(document.createTextNode(' '));
    li.appendChild(element('span', 'bsap-hint', finding.clause));
    return li;
  }

  function render(answer) {
    panel.textContent = '';
    if (answer.problem) panel.appendChild(element('p', 'bsap-error-message', answer.problem));
    if (!answer.findings.length) return;
    var section = element('section', 'bsap-findings');
    section.appendChild(element('h2', 'bsap-heading-m', panel.getAttribute('data-title')));
    var list = element('ul', 'bsap-list');
    answer.findings.forEach(function (finding) { list.appendChild(item(finding)); });
    section.appendChild(list);
    panel.appendChild(section);
  }

  function check() {
    var mine = ++sequence;
    fetch(form.getAttribute('data-live-check'), {
      method: 'POST',
      credentials: 'same-origin',
      body: new URLSearchParams(new FormData(form)),
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (answer) {
      if (answer && mine === sequence) render(answer);
    }).catch(function () { /* the next keystroke or the save will tell */ });
  }

  form.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 600);
  });
})();
