// Live progress of a run: polls the run's JSON until it is final, then reloads to show the result.
(function () {
  var box = document.querySelector('[data-run]');
  if (!box) return;
  var status = box.getAttribute('data-status');
  if (status === 'SUCCEEDED' || status === 'REFUNDED' || status === 'FAILED') return;
  var id = box.getAttribute('data-run');
  var bar = box.querySelector('[data-progress]');
  var label = box.querySelector('[data-status-label]');
  var width = 15;
  var labels = { QUEUED: 'Waiting for a worker…', RUNNING: 'Working on it…' };
  function poll() {
    fetch('/api/v1/runs/' + id, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (run) {
        if (!run) { setTimeout(poll, 3000); return; }
        if (run.status === 'SUCCEEDED' || run.status === 'REFUNDED' || run.status === 'FAILED') {
          if (bar) bar.style.width = '100%';
          window.location.reload();
          return;
        }
        if (label && labels[run.status]) label.textContent = labels[run.status];
        width = Math.min(92, width + (run.status === 'RUNNING' ? 9 : 3));
        if (bar) bar.style.width = width + '%';
        setTimeout(poll, 1500);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 800);
})();
