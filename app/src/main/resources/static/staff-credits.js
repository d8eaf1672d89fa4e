// /staff/credits: follows each running bulk grant's progress until it is done.
(function () {
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
            ? 'Done: ' + progress.batch.granted + ' students granted'
            : progress.batch.processed + ' of ' + progress.batch.total + ' students';
          if (progress.done) { clearInterval(timer); }
        })
        .catch(function () { clearInterval(timer); });
    }, 1000);
  });
})();
