package com.careerai.billing;

import jakarta.inject.Singleton;

/**
 * A Razorpay order created server-side for the product's price; the student pays it in Razorpay
 * Checkout (UPI, cards, netbanking) on {@code /billing/razorpay/{paymentId}}. Confirmed by the
 * signed Checkout answer or the signed webhook, whichever comes first ({@link RazorpayPayments}).
 * Plans (Razorpay subscriptions) are not sold through it yet. Paid expert sessions are Route orders.
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

    /** Razorpay Route: the expert's share is transferred to their linked account (ADR 0034 addendum). */
    @Override
    public boolean paysExperts() {
        return true;
    }

    /**
     * An order whose captured payment Razorpay splits with Route: price − fee transferred to the
     * expert's linked account ({@code acc_…}), not on hold; the university keeps the fee. Razorpay
     * orders do not expire: the slot's hold ending asks for the order's state instead
     * ({@link ExpertPayouts#closeCheckout}).
     */
    @Override
    public Started startForExpert(Purchase purchase, ExpertShare share) {
        long amount = purchase.product().priceCents();
        RazorpayGateway.Order order = gateway.createOrder(
                amount,
                purchase.product().currency(),
                purchase.paymentId().toString(),
                purchase.metadata(),
                new RazorpayGateway.Transfer(share.account(), amount - share.feeCents()));
        return new Started(order.id(), purchase.siteUrl() + "/billing/razorpay/" + purchase.paymentId());
    }
}
