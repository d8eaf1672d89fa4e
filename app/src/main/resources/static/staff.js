// Staff pages: put a chosen CSV file's text in the invitation box, so staff see what will be sent.
(function () {
  "use strict";
  var input = document.querySelector("[data-csv-file]");
  var box = document.getElementById("addresses");
  var status = document.querySelector("[data-csv-status]");
  if (!input || !box) {
    return;
  }
  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    if (!file) {
      return;
    }
    if (file.size > 200000) {
      status.textContent = "That file is too large: invite at most 2,000 addresses at a time.";
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      box.value = String(reader.result || "");
      var rows = box.value.split(/\r\n|\r|\n/).filter(function (line) { return line.trim() !== ""; }).length;
      status.textContent = "Read " + file.name + ": " + rows + (rows === 1 ? " row" : " rows") + ". Check them, then send.";
    };
    reader.onerror = function () {
      status.textContent = "Could not read " + file.name + ". Paste the addresses instead.";
    };
    reader.readAsText(file);
  });
})();
