package com.careerai.billing;

import jakarta.inject.Singleton;

/**
 * A Razorpay order created server-side for the product's price; the student pays it in Razorpay
 * Checkout (UPI, cards, netbanking) on {@code /billing/razorpay/{paymentId}}. Confirmed by the
 * signed Checkout answer or the signed webhook, whichever comes first ({@link RazorpayPayments}).
 * Plans (Razorpay subscriptions) are not sold through it yet.
 */
@Singleton
class RazorpayCheckoutProvider implements PaymentProvider {
    private final RazorpayGateway gateway;

    RazorpayCheckoutProvider(RazorpayGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public PaymentSettings.Provider kind() {
        return PaymentSettings.Provider.RAZORPAY;
    }

    @Override
    public boolean configured() {
        return gateway.checkoutConfigured();
    }

    @Override
    public boolean sellsPlans() {
        return false;
    }

    @Override
    public Started start(Purchase purchase) {
        RazorpayGateway.Order order = gateway.createOrder(
                purchase.product().priceCents(),
                purchase.product().currency(),
                purchase.paymentId().toString(),
                purchase.metadata());
        return new Started(order.id(), purchase.siteUrl() + "/billing/razorpay/" + purchase.paymentId());
    }

    /** Razorpay Route (transfers to linked accounts) is not built: paid sessions need Stripe. */
    @Override
    public boolean paysExperts() {
        return false;
    }

    @Override
    public Started startForExpert(Purchase purchase, ExpertShare share) {
        throw new ExpertProblems.StripeRequired();
    }
}
