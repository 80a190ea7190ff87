// The oversight dashboard's charts (Apache ECharts), drawn from the tables on the page, so the
// page carries its data once and works without script. (The sweep's confirmation is the layout's
// one dialog, zeren.js.)
(function () {
  'use strict';
  var COLOURS = { NONE: 0, BLUE: 1, YELLOW: 2, RED: 3 };

  function texts(nodes) {
    return Array.prototype.map.call(nodes, function (n) { return n.textContent.trim(); });
  }

  function heatMap() {
    var table = document.getElementById('oversight-heat');
    var box = document.getElementById('oversight-heat-chart');
    if (!table || !box || !window.echarts) { return; }
    var kinds = texts(table.querySelectorAll('thead th')).slice(1, -1);
    var rows = table.querySelectorAll('tbody tr.oversight-child');
    if (rows.length === 0) { box.hidden = true; return; }
    var orgs = [];
    var data = [];
    Array.prototype.forEach.call(rows, function (tr, y) {
      orgs.push(tr.dataset.org);
      Array.prototype.forEach.call(tr.querySelectorAll('td[data-colour]'), function (td, x) {
        data.push([x, y, COLOURS[td.dataset.colour] || 0, td.textContent.trim()]);
      });
    });
    box.style.height = Math.max(240, 40 + rows.length * 28) + 'px';
    var links = Array.prototype.map.call(rows, function (tr) { return tr.querySelector('a.oversight-drill').href; });
    var chart = window.echarts.init(box);
    chart.setOption({
      grid: { left: 8, right: 8, top: 8, bottom: 70, containLabel: true },
      xAxis: { type: 'category', data: kinds, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'category', data: orgs, inverse: true },
      visualMap: { show: false, type: 'piecewise', dimension: 2,
        pieces: [{ value: 0, color: '#e9f5ee' }, { value: 1, color: '#9ec5fe' }, { value: 2, color: '#ffda6a' }, { value: 3, color: '#ea868f' }] },
      series: [{ type: 'heatmap', data: data, label: { show: true, formatter: function (p) { return p.data[3]; } } }]
    });
    // drill-down from the chart too: a click on a row opens that organisation's dashboard
    chart.on('click', function (p) { if (links[p.data[1]]) { window.location.href = links[p.data[1]]; } });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function trend() {
    var table = document.getElementById('oversight-trend');
    var box = document.getElementById('oversight-trend-chart');
    if (!table || !box || !window.echarts) { return; }
    var names = texts(table.querySelectorAll('thead th')).slice(1);
    var months = texts(table.querySelectorAll('tbody th'));
    var colours = ['#198754', '#75b798', '#9ec5fe', '#dc3545', '#6c757d'];
    var series = names.map(function (name, i) {
      return { name: name, type: 'bar', stack: 'all', color: colours[i],
        data: Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
          return Number(tr.querySelectorAll('td')[i].textContent.trim());
        }) };
    });
    var chart = window.echarts.init(box);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () { heatMap(); trend(); });
}());
