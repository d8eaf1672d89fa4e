package com.careerai.billing;

import jakarta.inject.Singleton;

/**
 * Razorpay Checkout (UPI, cards, netbanking) on {@code /billing/razorpay/{paymentId}}. A pack or
 * an item is a Razorpay order created server-side for the product's price; a plan is a Razorpay
 * subscription to the university's Razorpay plan for it ({@link RazorpayPlans}), created
 * server-side, which the student authorises and pays the first month of in the same Checkout.
 * Confirmed by the signed Checkout answer or the signed webhook, whichever comes first
 * ({@link RazorpayPayments}, {@link RazorpaySubscriptions}).
 * Paid expert sessions are Route orders: a transfer to the expert's linked account.
 */
@Singleton
class RazorpayCheckoutProvider implements PaymentProvider {
    /**
     * How many monthly charges a subscription allows (Razorpay requires a number): ten years,
     * longer than any student stays; the student cancels when they want.
     */
    static final int MONTHS = 120;

    private final RazorpayGateway gateway;
    private final RazorpayPlans plans;

    RazorpayCheckoutProvider(RazorpayGateway gateway, RazorpayPlans plans) {
        this.gateway = gateway;
        this.plans = plans;
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
        return true;
    }

    @Override
    public Started start(Purchase purchase) {
        String page = purchase.siteUrl() + "/billing/razorpay/" + purchase.paymentId();
        if (purchase.product().isPlan()) {
            Long universityId = CheckoutMetadata.number(purchase.metadata(), CheckoutMetadata.UNIVERSITY);
            if (universityId == null) {
                throw new IllegalArgumentException("a plan's metadata names its university");
            }
            String planId = plans.planFor(universityId, purchase.product());
            RazorpayGateway.RazorpaySubscription subscription =
                    gateway.createSubscription(planId, MONTHS, purchase.metadata());
            return new Started(subscription.id(), page);
        }
        RazorpayGateway.Order order = gateway.createOrder(
                purchase.product().priceCents(),
                purchase.product().currency(),
                purchase.paymentId().toString(),
                purchase.metadata());
        return new Started(order.id(), page);
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
