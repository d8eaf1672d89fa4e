// Header menus (<details class="nav-group">): one open at a time; a click elsewhere or Escape closes
// them (Escape returns focus to the menu's label). Without this file the menus still open and close.
(function () {
  'use strict';
  var groups = Array.prototype.slice.call(document.querySelectorAll('details.nav-group'));
  if (groups.length === 0) {
    return;
  }
  groups.forEach(function (group) {
    group.addEventListener('toggle', function () {
      if (group.open) {
        groups.forEach(function (other) {
          if (other !== group) {
            other.open = false;
          }
        });
      }
    });
  });
  document.addEventListener('click', function (event) {
    groups.forEach(function (group) {
      if (group.open && !group.contains(event.target)) {
        group.open = false;
      }
    });
  });
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') {
      return;
    }
    groups.forEach(function (group) {
      if (group.open) {
        group.open = false;
        group.querySelector('summary').focus();
      }
    });
  });
})();
