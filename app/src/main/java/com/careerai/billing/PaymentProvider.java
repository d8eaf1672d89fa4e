package com.careerai.billing;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One way of taking a student's money for a product: Stripe's hosted Checkout
 * ({@link StripeCheckoutProvider}) or a Razorpay order paid in Razorpay Checkout
 * ({@link RazorpayCheckoutProvider}). Each university uses the one its {@link PaymentSettings}
 * name ({@link PaymentProviders}). Starting never confirms anything: the payment row is PENDING
 * until the provider's signed data (webhook, or Razorpay's signed Checkout answer) confirms it.
 */
interface PaymentProvider {

    /**
     * What is bought.
     *
     * @param paymentId our payment's id: idempotency key, receipt, and part of the metadata
     * @param product priced in the currency it is charged in
     * @param siteUrl the student's university site, e.g. {@code https://mit.careerai.example}
     */
    record Purchase(
            UUID paymentId,
            Product product,
            Map<String, String> metadata,
            String email,
            @Nullable String customerId,
            String siteUrl,
            String successUrl,
            String cancelUrl) {}

    /**
     * A started payment.
     *
     * @param externalId the provider's id of it (Stripe Checkout Session, Razorpay order): the
     *     payment row's {@code external_id}
     * @param url where to send the student
     */
    record Started(String externalId, String url) {}

    PaymentSettings.Provider kind();

    /** Whether money can be taken (the provider's keys are configured). */
    boolean configured();

    /** Whether this provider sells plans (monthly subscriptions). */
    boolean sellsPlans();

    /** @throws PaymentProviderException when the provider refuses or cannot be reached */
    Started start(Purchase purchase);

    /**
     * A paid expert's share of a purchase (ADR 0034): everything but the platform fee goes to the
     * expert's own account at the provider.
     *
     * @param account the expert's connected account ({@code acct_…})
     * @param feeCents what the university keeps (the application fee)
     * @param expiresAt when the provider closes the payment page
     */
    record ExpertShare(String account, long feeCents, Instant expiresAt) {}

    /** Whether this provider can pay an expert's share to their own account (Stripe Connect). */
    boolean paysExperts();

    /**
     * Starts a purchase whose money, less the fee, goes to the expert ({@link #paysExperts()} only).
     *
     * @throws PaymentProviderException when the provider refuses or cannot be reached
     * @throws ExpertProblems.StripeRequired (409) from a provider that cannot pay experts
     */
    Started startForExpert(Purchase purchase, ExpertShare share);
}
