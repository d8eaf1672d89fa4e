// /staff/credits: follows each running bulk grant's progress until it is done.
(function () {
  // "1 student", "1,234 students" (as platform.web.Plural writes them on the server)
  function students(n) { return n.toLocaleString('en') + (n === 1 ? ' student' : ' students'); }
  document.querySelectorAll('[data-batch]').forEach(function (row) {
    if (row.dataset.done === 'true') { return; }
    var bar = row.querySelector('.progress > span');
    var meter = row.querySelector('.progress');
    var text = row.querySelector('[data-progress-text]');
    var timer = setInterval(function () {
      fetch('/api/v1/staff/credits/grants/' + row.dataset.batch, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
        .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
        .then(function (progress) {
          bar.style.width = progress.percent + '%';
          meter.setAttribute('aria-valuenow', progress.percent);
          text.textContent = progress.done
            ? 'Done: ' + students(progress.batch.granted) + ' granted'
            : progress.batch.processed.toLocaleString('en') + ' of ' + students(progress.batch.total);
          if (progress.done) { clearInterval(timer); }
        })
        .catch(function () { clearInterval(timer); });
    }, 1000);
  });
})();
