// Staff analytics (/staff/analytics): draws each figure's chart with Chart.js from the JSON API.
// The tables in the page hold the same numbers and stay usable without this script.
(function () {
  'use strict';
  var grid = document.querySelector('[data-analytics]');
  if (!grid || typeof window.Chart === 'undefined') {
    return;
  }
  var accent = getComputedStyle(document.documentElement).getPropertyValue('--brand').trim() || '#1f4e79';
  var palette = [accent, '#d97706', '#059669', '#b91c1c', '#6d28d9', '#0e7490'];

  function draw(figure) {
    var canvas = grid.querySelector('canvas[data-chart="' + figure.name + '"]');
    if (!canvas || figure.rows.length === 0) {
      if (canvas) { canvas.parentNode.hidden = true; }
      return;
    }
    var series = figure.kind === 'series';
    var datasets = figure.columns.map(function (column, i) {
      return {
        label: column,
        data: figure.rows.map(function (row) { return row.suppressed ? null : row.values[i]; }),
        borderColor: palette[i % palette.length],
        backgroundColor: palette[i % palette.length],
        tension: 0.2,
        pointRadius: series && figure.rows.length > 40 ? 0 : 2
      };
    });
    new window.Chart(canvas, {
      type: series ? 'line' : 'bar',
      data: { labels: figure.rows.map(function (row) { return row.label; }), datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: !series && figure.rows.length > 6 ? 'y' : 'x',
        plugins: { legend: { display: figure.columns.length > 1 } },
        scales: { y: { beginAtZero: true } }
      }
    });
  }

  fetch('/api/v1/staff/analytics?' + grid.getAttribute('data-range'), {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin'
  })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (report) {
      if (report) {
        report.figures.forEach(function (compared) { draw(compared.figure); });
      }
    });
})();
