// Shows booking times in the visitor's own time zone: without ?tz=, reload once with the browser's zone.
(function () {
  var field = document.getElementById('tz');
  if (!field || field.getAttribute('data-tz-given') === 'true') return;
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone !== field.value) {
      var url = new URL(window.location.href);
      url.searchParams.set('tz', zone);
      window.location.replace(url.toString());
    }
  } catch (e) { /* keep the counsellor's zone */ }
})();
