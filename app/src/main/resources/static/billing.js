// The payment page after Stripe Checkout: polls the payment until Stripe's webhook confirmed it
// (or it failed), then reloads to show the result. Stops after about two minutes with a note.
(function () {
  var box = document.querySelector('[data-checkout]');
  if (!box) return;
  var status = box.getAttribute('data-status');
  if (status !== 'PENDING') return;
  var session = box.getAttribute('data-checkout');
  var bar = box.querySelector('[data-progress]');
  var hint = box.querySelector('[data-checkout-hint]');
  var width = 20;
  var tries = 0;
  function poll() {
    tries++;
    fetch('/api/v1/billing/checkouts/' + encodeURIComponent(session), {
      headers: { 'Accept': 'application/json' }, credentials: 'same-origin'
    })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (payment) {
        if (payment && payment.status !== 'PENDING') {
          if (bar) bar.style.width = '100%';
          window.location.reload();
          return;
        }
        width = Math.min(92, width + 6);
        if (bar) bar.style.width = width + '%';
        if (tries >= 80) {
          if (hint) hint.textContent = 'Stripe has not confirmed the payment yet. Your credits will appear in your wallet as soon as it does; you can leave this page.';
          return;
        }
        setTimeout(poll, 1500);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 700);
})();

// Receipts: the "Print or save as PDF" button (no inline handlers: the Content-Security-Policy forbids them).
(function () {
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
})();
