// The Razorpay payment page: opens Razorpay Checkout (UPI, cards, netbanking) for the order (a
// pack) or the subscription (a plan) the server created, and posts Checkout's signed answer back to
// the server, which verifies the signature before anything is credited. Options come from data
// attributes (no inline script).
(function () {
  var box = document.querySelector('[data-razorpay-checkout]');
  if (!box) return;
  var button = box.querySelector('[data-razorpay-pay]');
  var status = box.querySelector('[data-razorpay-status]');
  var form = box.querySelector('[data-razorpay-confirm]');
  function say(text) { if (status) status.textContent = text; }
  function open() {
    if (typeof window.Razorpay !== 'function') {
      say('Razorpay Checkout could not be loaded. Check your connection and try again.');
      return;
    }
    var subscription = box.getAttribute('data-subscription');
    var options = {
      key: box.getAttribute('data-key'),
      name: box.getAttribute('data-name'),
      description: box.getAttribute('data-description'),
      prefill: { name: box.getAttribute('data-prefill-name'), email: box.getAttribute('data-prefill-email') },
      theme: { color: box.getAttribute('data-color') || undefined },
      method: { upi: true, card: true, netbanking: true },
      handler: function (response) {
        say('Payment received; confirming it…');
        if (subscription) {
          form.elements['razorpay_subscription_id'].value = response.razorpay_subscription_id;
        } else {
          form.elements['razorpay_order_id'].value = response.razorpay_order_id;
        }
        form.elements['razorpay_payment_id'].value = response.razorpay_payment_id;
        form.elements['razorpay_signature'].value = response.razorpay_signature;
        form.submit();
      },
      modal: { ondismiss: function () { say('Payment window closed; nothing was charged. You can try again.'); } }
    };
    if (subscription) {
      options.subscription_id = subscription;
    } else {
      options.order_id = box.getAttribute('data-order');
      options.amount = box.getAttribute('data-amount');
      options.currency = box.getAttribute('data-currency');
    }
    var checkout = new window.Razorpay(options);
    checkout.on('payment.failed', function (failure) {
      say('The payment did not go through' + (failure && failure.error && failure.error.description ? ': ' + failure.error.description : '') + '. You can try again.');
    });
    checkout.open();
  }
  if (button) button.addEventListener('click', open);
})();
