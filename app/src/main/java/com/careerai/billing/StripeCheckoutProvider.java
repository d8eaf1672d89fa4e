package com.careerai.billing;

import com.careerai.billing.PaymentGateway.CheckoutRequest;
import com.careerai.billing.PaymentGateway.CheckoutSession;
import jakarta.inject.Singleton;

/**
 * Stripe's hosted Checkout, as billing always used it; confirmed by Stripe's webhook. A paid
 * expert's session is a destination charge through the same Checkout ({@link ConnectGateway}).
 */
@Singleton
class StripeCheckoutProvider implements PaymentProvider {
    private final PaymentGateway gateway;
    private final ConnectGateway connect;

    StripeCheckoutProvider(PaymentGateway gateway, ConnectGateway connect) {
        this.gateway = gateway;
        this.connect = connect;
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

    @Override
    public boolean paysExperts() {
        return true;
    }

    @Override
    public Started startForExpert(Purchase purchase, ExpertShare share) {
        CheckoutSession session = connect.createDestinationCheckout(new ConnectGateway.DestinationCheckout(
                purchase.paymentId(),
                purchase.product().name(),
                purchase.product().priceCents(),
                purchase.product().currency(),
                share.feeCents(),
                share.account(),
                purchase.metadata(),
                purchase.email(),
                purchase.customerId(),
                purchase.successUrl(),
                purchase.cancelUrl(),
                share.expiresAt()));
        return new Started(session.id(), session.url());
    }
}
