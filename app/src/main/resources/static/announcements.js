// Staff announcements: send the browser's time zone with the form, so "Send at" means local time.
(function () {
  var zone = "UTC";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch (e) {
    zone = "UTC";
  }
  document.querySelectorAll("[data-browser-zone]").forEach(function (input) {
    input.value = zone;
  });
  document.querySelectorAll("[data-zone-hint]").forEach(function (hint) {
    hint.textContent = "Times are in your time zone (" + zone + ").";
  });
  // Picking a time chooses "send at".
  document.querySelectorAll("input[type=datetime-local]").forEach(function (input) {
    input.addEventListener("change", function () {
      var later = input.form && input.form.querySelector("input[name=when][value=later]");
      if (later) {
        later.checked = true;
      }
    });
  });
})();
