// Referrals: a Share button where the browser can share (Web Share API); copying works without it.
(function () {
  var button = document.querySelector('[data-share]');
  if (!button || !navigator.share) return;
  var status = document.querySelector('[data-share-status]');
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.share({ title: document.title, text: button.getAttribute('data-share-text'), url: button.getAttribute('data-share') })
      .then(function () { if (status) status.textContent = 'Shared.'; })
      .catch(function () { if (status) status.textContent = ''; });
  });
  var field = document.querySelector('[data-referral-link]');
  if (field) field.addEventListener('focus', function () { field.select(); });
})();
