// The assessment round's charts (Apache ECharts), drawn from the tables on the page: the team
// totals as a ranking bar chart, and the distribution of the grades.
(function () {
  'use strict';

  function ranking() {
    var box = document.getElementById('round-ranking-chart');
    var rows = document.querySelectorAll('#round-units tbody tr.round-unit');
    if (!box || !window.echarts) { return; }
    if (rows.length === 0) { box.hidden = true; return; }
    var names = [];
    var totals = [];
    Array.prototype.forEach.call(rows, function (tr) {
      names.push(tr.dataset.org);
      totals.push(Number(tr.dataset.total || 0));
    });
    box.style.height = Math.max(200, 40 + rows.length * 26) + 'px';
    var chart = window.echarts.init(box);
    chart.setOption({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 105 },
      yAxis: { type: 'category', data: names, inverse: true },
      series: [{ type: 'bar', data: totals, label: { show: true, position: 'right' }, itemStyle: { color: '#0d6efd' } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function grades() {
    var box = document.getElementById('round-grades-chart');
    var rows = document.querySelectorAll('#round-grades tbody tr');
    if (!box || !window.echarts || rows.length === 0) { return; }
    var data = Array.prototype.map.call(rows, function (tr) {
      return { name: tr.querySelector('th').textContent.trim(), value: Number(tr.querySelector('td').textContent.trim()) };
    });
    var chart = window.echarts.init(box);
    chart.setOption({
      tooltip: { trigger: 'item' },
      color: ['#198754', '#75b798', '#ffc107', '#dc3545'],
      series: [{ type: 'pie', radius: ['40%', '70%'], data: data, label: { formatter: '{b}：{c}' } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () { ranking(); grades(); });
})();
