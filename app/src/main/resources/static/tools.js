// Resume upload: sends the PDF to the server, which returns its text (the file is not kept).
(function () {
  var upload = document.querySelector('[data-upload]');
  if (!upload) return;
  var input = upload.querySelector('input[type=file]');
  var status = upload.querySelector('[data-upload-status]');
  var textarea = document.getElementById('resume');
  var csrf = document.querySelector('meta[name=csrf-token]');
  input.addEventListener('change', function () {
    if (!input.files.length) return;
    var data = new FormData();
    data.append('file', input.files[0]);
    status.textContent = 'Reading your PDF…';
    fetch('/api/v1/tools/resume-text', {
      method: 'POST', body: data, credentials: 'same-origin',
      headers: csrf ? { 'X-CSRF-Token': csrf.getAttribute('content'), 'Accept': 'application/json' } : { 'Accept': 'application/json' }
    }).then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (answer) {
        if (answer.ok) { textarea.value = answer.body.text; status.textContent = 'Text added below — check it before you continue.'; }
        else { status.textContent = answer.body.message || 'We could not read that file.'; }
      })
      .catch(function () { status.textContent = 'Upload failed; please paste your resume instead.'; });
  });
})();
