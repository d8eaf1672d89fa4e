package com.careerai.billing;

import com.careerai.platform.web.CallsOut;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The payment provider as billing needs it: hosted checkout, the customer portal, webhook
 * verification. One adapter, {@link StripeJavaGateway}; nothing else talks to Stripe.
 */
interface PaymentGateway {

    /**
     * A hosted checkout for one product.
     *
     * @param paymentId our payment's id: the idempotency key of the call and part of the metadata
     * @param metadata what the webhook needs to find the student again (university, user, product,
     *     payment), set on the session and, for plans, on the subscription (so every invoice carries it)
     * @param customerId the student's Stripe customer when known (else {@code email} prefills one)
     */
    record CheckoutRequest(
            UUID paymentId,
            Product product,
            Map<String, String> metadata,
            String email,
            @Nullable String customerId,
            String successUrl,
            String cancelUrl) {}

    /** A created Checkout Session: where to send the student. */
    record CheckoutSession(String id, String url) {}

    /**
     * A webhook event whose signature was verified.
     *
     * @param object the event's {@code data.object} as raw JSON, read field by field so that an
     *     API version the SDK's typed models do not match can never lose a payment
     */
    record WebhookEvent(String id, String type, Instant created, boolean livemode, JsonNode object) {}

    /** Whether checkout and the portal can be used (an API key is configured). */
    boolean checkoutConfigured();

    /** Whether webhooks can be verified (a signing secret is configured). */
    boolean webhooksConfigured();

    /** @throws PaymentProviderException when the provider refuses or cannot be reached */
    @CallsOut
    CheckoutSession createCheckoutSession(CheckoutRequest request);

    /**
     * A customer portal session for managing a subscription; returns its URL.
     *
     * @throws PaymentProviderException when the provider refuses or cannot be reached
     */
    @CallsOut
    String createPortalSession(String customerId, String returnUrl);

    /**
     * Verifies the signature (HMAC-SHA256 with the endpoint's secret, 5 minutes' tolerance) and
     * parses the event.
     *
     * @throws InvalidWebhookException for a missing, wrong or stale signature, or a body that is
     *     not an event
     */
    WebhookEvent verify(byte[] payload, @Nullable String signatureHeader);

    /**
     * The invoice paid by this payment intent, for API versions whose charges no longer name
     * their invoice; empty when it paid none.
     *
     * @throws PaymentProviderException when the provider cannot be reached
     */
    @CallsOut
    Optional<String> invoiceOfPaymentIntent(String paymentIntentId);

    /**
     * A refund of (part of) a confirmed payment, asked for by staff.
     *
     * @param refundId our refund row's id: the idempotency key of the call, so a retry refunds once
     */
    record RefundRequest(UUID refundId, String paymentIntentId, long amountCents, Map<String, String> metadata) {}

    /**
     * The provider's answer to a refund.
     *
     * @param status {@code succeeded}, {@code pending}, {@code requires_action}, {@code failed} or
     *     {@code canceled}, as the provider says
     * @param chargeAmountCents what the refunded charge took
     * @param chargeRefundedCents the charge's refunded total after this refund (cumulative)
     */
    record ProviderRefund(
            String id, String status, String chargeId, long chargeAmountCents, long chargeRefundedCents) {}

    /**
     * Refunds (part of) a payment intent.
     *
     * @throws PaymentProviderException when the provider refuses or cannot be reached
     */
    @CallsOut
    ProviderRefund refund(RefundRequest request);

    /**
     * A Checkout Session as the provider reports it now, as raw JSON (like a webhook's object), with
     * its payment intent expanded; empty when the provider knows no such session.
     *
     * @throws PaymentProviderException when the provider cannot be reached or refuses
     */
    @CallsOut
    Optional<JsonNode> checkoutSession(String sessionId);

    /**
     * An invoice as the provider reports it now, as raw JSON; empty when there is no such invoice.
     *
     * @throws PaymentProviderException when the provider cannot be reached or refuses
     */
    @CallsOut
    Optional<JsonNode> invoice(String invoiceId);
}
