// The situation analysis's charts (Apache ECharts), drawn from the tables of facts on the page
// (table.analysis-facts, each naming its chart box in data-chart), so the page carries its figures
// once and reads without script: the rows are the categories, the columns marked .series the bars.
// (The adoption's confirmation is the layout's one dialog, zeren.js.)
(function () {
  'use strict';
  var COLOURS = ['#0d6efd', '#198754', '#adb5bd'];

  function texts(nodes) {
    return Array.prototype.map.call(nodes, function (n) { return n.textContent.trim(); });
  }

  function draw(table) {
    var box = document.getElementById(table.dataset.chart);
    if (!box || !window.echarts) { return; }
    var names = texts(table.querySelectorAll('thead th.series'));
    var rows = table.querySelectorAll('tbody tr');
    var categories = texts(table.querySelectorAll('tbody th'));
    var series = names.map(function (name, i) {
      return { name: name, type: 'bar', color: COLOURS[i % COLOURS.length], label: { show: true, position: 'top' },
        data: Array.prototype.map.call(rows, function (tr) {
          return Number(tr.querySelectorAll('td.series')[i].textContent.trim());
        }) };
    });
    var chart = window.echarts.init(box);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: categories,
        axisLabel: { interval: 0, width: 120, overflow: 'truncate', rotate: categories.length > 4 ? 20 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('table.analysis-facts[data-chart]'), draw);
  });
}());
