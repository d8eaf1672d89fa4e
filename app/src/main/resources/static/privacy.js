// /profile/privacy: follows each export being built until its zip is ready.
(function () {
  document.querySelectorAll('[data-export-id][data-status="PENDING"]').forEach(function (row) {
    var text = row.querySelector('[data-export-status]');
    var meter = row.querySelector('.progress');
    var link = row.querySelector('[data-download]');
    var timer = setInterval(function () {
      fetch('/api/v1/me/data-exports/' + row.dataset.exportId, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
        .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
        .then(function (state) {
          row.dataset.status = state.status;
          if (state.status === 'PENDING') {
            text.textContent = 'Gathering your data… ' + state.percent + '%';
            if (meter) {
              meter.setAttribute('aria-valuenow', state.percent);
              meter.firstElementChild.style.width = state.percent + '%';
            }
            return;
          }
          clearInterval(timer);
          if (meter) { meter.remove(); }
          if (state.status === 'READY') {
            text.textContent = 'Ready to download';
            link.href = state.downloadUrl;
            link.hidden = false;
          } else {
            text.textContent = state.status === 'FAILED' ? 'Something went wrong; please ask again.' : state.status;
          }
        })
        .catch(function () { clearInterval(timer); });
    }, 1000);
  });
})();
