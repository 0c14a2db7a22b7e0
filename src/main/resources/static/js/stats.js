// The dashboard's charts, drawn from /api/stats/dashboard, and the sortable child comparison.
(function () {
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  function chart(id) {
    var el = document.getElementById(id);
    return el && window.echarts ? window.echarts.init(el) : null;
  }

  function draw(data) {
    var labels = {};
    document.querySelectorAll('#chart-labels [data-key]').forEach(function (el) { labels[el.dataset.key] = el.textContent; });
    var series = chart('chart-series');
    if (series) {
      series.setOption({
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 50, right: 50, top: 30, bottom: 30 },
        xAxis: { type: 'category', data: data.series.map(function (p) { return p.start; }) },
        yAxis: [{ type: 'value' }, { type: 'value' }],
        series: [
          { name: labels.activities, type: 'bar', data: data.series.map(function (p) { return p.activities; }) },
          { name: labels.beneficiaries, type: 'line', yAxisIndex: 1, data: data.series.map(function (p) { return p.beneficiaries; }) }
        ]
      });
    }
    var domains = chart('chart-domains');
    if (domains) {
      var items = Object.keys(data.activities.byDomain).map(function (k) {
        var d = data.activities.byDomain[k];
        return { name: d.label, value: d.activities };
      });
      domains.setOption({ tooltip: { trigger: 'item' }, series: [{ type: 'pie', radius: ['35%', '70%'], data: items }] });
    }
    var children = chart('chart-children');
    if (children) {
      children.setOption({
        tooltip: { trigger: 'axis' },
        grid: { left: 50, right: 20, top: 20, bottom: 60 },
        xAxis: { type: 'category', data: data.children.map(function (c) { return c.name; }), axisLabel: { rotate: 30 } },
        yAxis: { type: 'value' },
        series: [{ name: labels.activities, type: 'bar', data: data.children.map(function (c) { return c.activities; }) }]
      });
      children.on('click', function (p) {
        var root = document.getElementById('dashboard');
        var c = data.children[p.dataIndex];
        window.location = root.dataset.drill + '?region=' + encodeURIComponent(c.code) + '&' + root.dataset.query;
      });
    }
    window.addEventListener('resize', function () {
      [series, domains, children].forEach(function (c) { if (c) { c.resize(); } });
    });
  }

  function sortable(table) {
    table.querySelectorAll('th[data-sort]').forEach(function (th, index) {
      th.classList.add('sortable-header');
      th.addEventListener('click', function () {
        var numeric = th.dataset.sort === 'number';
        var ascending = th.dataset.dir !== 'asc';
        table.querySelectorAll('th[data-sort]').forEach(function (h) { delete h.dataset.dir; });
        th.dataset.dir = ascending ? 'asc' : 'desc';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = numeric ? parseFloat(a.cells[index].dataset.value) : a.cells[index].textContent;
          var y = numeric ? parseFloat(b.cells[index].dataset.value) : b.cells[index].textContent;
          var c = numeric ? x - y : x.localeCompare(y, 'zh');
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  ready(function () {
    document.querySelectorAll('table.sortable').forEach(sortable);
    var root = document.getElementById('dashboard');
    if (!root) { return; }
    fetch(root.dataset.api, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(draw)
      .catch(function () { root.classList.add('charts-unavailable'); });
  });
})();
