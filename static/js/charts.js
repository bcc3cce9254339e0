// The plan's progress pages (dashboard, indicators, City Biodiversity Index, annual report): draws
// each <div class="chart" data-chart="{…}"> with ECharts (served from /static/vendor/). Every
// chart sits beside a table with the same figures, so the page says everything without this
// script, to screen readers and in print; the drawing is for the eye only (aria-hidden). No
// inline script: the JSON comes from the data attribute (or a <script type="application/json">
// named by data-chart-source), never from code in the page.
(function () {
  'use strict';
  if (!window.echarts || !document.querySelectorAll) return;

  function spec(element) {
    var text = element.getAttribute('data-chart');
    var source = element.getAttribute('data-chart-source');
    if (source) {
      var block = document.getElementById(source);
      if (block) text = block.textContent;
    }
    try {
      return JSON.parse(text);
    } catch (e) {
      return null;
    }
  }

  function options(chart) {
    var line = chart.kind === 'line';
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: chart.series.length > 1 ? {} : undefined,
      grid: { left: 56, right: 24, top: 24, bottom: 72 },
      xAxis: {
        type: 'category',
        data: chart.categories,
        axisLabel: { interval: 0, rotate: chart.categories.length > 6 ? 30 : 0 }
      },
      yAxis: { type: 'value', name: chart.unit || '' },
      series: chart.series.map(function (one) {
        return {
          name: one.name,
          type: line ? 'line' : 'bar',
          data: one.values,
          connectNulls: false,
          label: { show: !line, position: 'top' }
        };
      })
    };
  }

  var drawn = [];
  Array.prototype.forEach.call(document.querySelectorAll('.chart[data-chart]'), function (element) {
    var chart = spec(element);
    if (!chart || !chart.categories || !chart.categories.length) return;
    element.classList.add('chart--drawn');  // gives it its height before ECharts measures it
    var instance = window.echarts.init(element, null, { renderer: 'svg' });
    instance.setOption(options(chart));
    drawn.push(instance);
  });
  window.addEventListener('resize', function () {
    drawn.forEach(function (instance) { instance.resize(); });
  });
})();
