package com.careerai.billing;

import com.careerai.billing.PaymentGateway.CheckoutRequest;
import com.careerai.billing.PaymentGateway.CheckoutSession;
import jakarta.inject.Singleton;

/** Stripe's hosted Checkout, as billing always used it; confirmed by Stripe's webhook. */
@Singleton
class StripeCheckoutProvider implements PaymentProvider {
    private final PaymentGateway gateway;

    StripeCheckoutProvider(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public PaymentSettings.Provider kind() {
        return PaymentSettings.Provider.STRIPE;
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
        CheckoutSession session = gateway.createCheckoutSession(new CheckoutRequest(
                purchase.paymentId(),
                purchase.product(),
                purchase.metadata(),
                purchase.email(),
                purchase.customerId(),
                purchase.successUrl(),
                purchase.cancelUrl()));
        return new Started(session.id(), session.url());
    }
}
