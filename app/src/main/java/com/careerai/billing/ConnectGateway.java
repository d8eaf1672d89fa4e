package com.careerai.billing;

import com.careerai.platform.web.CallsOut;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Stripe Connect as paid expert sessions need it: an Express account per expert, its onboarding
 * link, destination charges through Checkout and refunds that take the transfer and the platform
 * fee back. One adapter, {@link StripeConnectGateway}.
 */
interface ConnectGateway {

    /**
     * Creates the expert's Express account (idempotent per university and expert) and returns its id.
     *
     * @throws PaymentProviderException when the provider refuses or cannot be reached
     */
    @CallsOut
    String createExpressAccount(long universityId, long userId, String email);

    /**
     * A one-time onboarding link for the account (it expires in minutes).
     *
     * @param refreshUrl where Stripe sends an expired or reused link (a page offering a new one)
     * @param returnUrl where Stripe sends the expert when they leave onboarding (finished or not)
     */
    @CallsOut
    String onboardingLink(String accountId, String refreshUrl, String returnUrl);

    /** What Stripe says of a connected account now. */
    record AccountState(boolean chargesEnabled, boolean payoutsEnabled, boolean detailsSubmitted) {}

    /** @throws PaymentProviderException when the provider refuses or cannot be reached */
    @CallsOut
    AccountState accountState(String accountId);

    /**
     * A destination charge through Checkout: the student pays the platform, {@code amountCents - feeCents}
     * is transferred to {@code destinationAccount}.
     *
     * @param paymentId our payment's id: the idempotency key and part of the metadata
     * @param expiresAt when Stripe closes the checkout (Stripe allows 30 minutes to 24 hours)
     */
    record DestinationCheckout(
            UUID paymentId,
            String name,
            long amountCents,
            String currency,
            long feeCents,
            String destinationAccount,
            Map<String, String> metadata,
            String email,
            @Nullable String customerId,
            String successUrl,
            String cancelUrl,
            Instant expiresAt) {}

    /** @throws PaymentProviderException when the provider refuses or cannot be reached */
    @CallsOut
    PaymentGateway.CheckoutSession createDestinationCheckout(DestinationCheckout request);

    /**
     * Closes an open checkout so it can no longer be paid; true when it is closed (now or before),
     * false when it was paid (completed) first.
     *
     * @throws PaymentProviderException when the provider cannot be reached
     */
    @CallsOut
    boolean expireCheckout(String sessionId);

    /**
     * Refunds a destination charge in full or in part, reversing the transfer from the expert's
     * account and refunding the application fee in proportion (Stripe computes both).
     *
     * @param idempotencyKey one per refund decision, so a retry refunds once
     * @param amountCents null for whatever is left
     * @throws PaymentProviderException when the provider refuses or cannot be reached
     */
    @CallsOut
    PaymentGateway.ProviderRefund refundDestinationCharge(
            String idempotencyKey, String paymentIntentId, @Nullable Long amountCents, Map<String, String> metadata);
}
