// The dashboard's charts, drawn from /api/stats/dashboard, and the sortable child comparison.
(function () {
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  function chart(id) {
    var el = document.getElementById(id);
    return el && window.echarts ? window.echarts.init(el) : null;
  }

  // A chart with nothing to show is replaced by a short note instead of drawing zeros.
  function empty(id, values, note) {
    var el = document.getElementById(id);
    if (!el || values.some(function (v) { return v > 0; })) { return false; }
    el.classList.add('stats-chart-empty');
    el.textContent = note;
    return true;
  }

  function draw(data) {
    var labels = {};
    document.querySelectorAll('#chart-labels [data-key]').forEach(function (el) { labels[el.dataset.key] = el.textContent; });
    var noSeries = empty('chart-series', data.series.map(function (p) { return p.activities + p.beneficiaries; }), labels.empty);
    var series = noSeries ? null : chart('chart-series');
    if (series) {
      series.setOption({
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 50, right: 50, top: 30, bottom: 30 },
        xAxis: { type: 'category', data: data.series.map(function (p) { return p.start; }) },
        yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', minInterval: 1 }],
        series: [
          { name: labels.activities, type: 'bar', data: data.series.map(function (p) { return p.activities; }) },
          { name: labels.beneficiaries, type: 'line', yAxisIndex: 1, data: data.series.map(function (p) { return p.beneficiaries; }) }
        ]
      });
    }
    var items = Object.keys(data.activities.byDomain).map(function (k) {
      var d = data.activities.byDomain[k];
      return { name: d.label, value: d.activities };
    }).filter(function (d) { return d.value > 0; });
    var domains = empty('chart-domains', items.map(function (d) { return d.value; }), labels.empty) ? null : chart('chart-domains');
    if (domains) {
      domains.setOption({ tooltip: { trigger: 'item' }, series: [{ type: 'pie', radius: ['28%', '52%'], center: ['50%', '50%'],
        avoidLabelOverlap: true, label: { formatter: '{b}\n{d}%', overflow: 'break', width: 90 }, labelLine: { length: 8, length2: 6 },
        data: items }] });
    }
    var noChildren = empty('chart-children', data.children.map(function (c) { return c.activities; }), labels.empty);
    var children = noChildren ? null : chart('chart-children');
    if (children) {
      children.setOption({
        tooltip: { trigger: 'axis' },
        grid: { left: 50, right: 20, top: 20, bottom: 60 },
        xAxis: { type: 'category', data: data.children.map(function (c) { return c.name; }), axisLabel: { rotate: 30 } },
        yAxis: { type: 'value', minInterval: 1 },
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
