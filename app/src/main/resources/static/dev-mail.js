// Dev mailbox: fetches the page every few seconds and shows new emails without a reload.
(function () {
  "use strict";
  var box = document.querySelector("[data-dev-mail]");
  var status = document.querySelector("[data-dev-mail-status]");
  if (!box || !window.fetch || !window.DOMParser) {
    return;
  }
  var every = 3000;
  function refresh() {
    if (document.hidden) {
      return;
    }
    fetch("/dev/mail", { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-dev-mail]");
        if (fresh && fresh.innerHTML !== box.innerHTML) {
          box.innerHTML = fresh.innerHTML;
          if (status) {
            status.textContent = "Updated " + new Date().toLocaleTimeString() + ".";
          }
        }
      })
      .catch(function () {
        if (status) {
          status.textContent = "The server is not answering; retrying.";
        }
      });
  }
  window.setInterval(refresh, every);
})();
