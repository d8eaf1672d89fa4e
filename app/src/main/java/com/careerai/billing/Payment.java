package com.careerai.billing;

import com.careerai.credits.Currency;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * One purchase of one student: a credit pack, a plan's first month, or a plan renewal.
 *
 * @param externalId the Checkout Session ({@code cs_…}) or, for renewals, the invoice ({@code in_…});
 *     for Razorpay the order ({@code order_…})
 * @param paymentIntentId Stripe's payment intent, or Razorpay's captured payment ({@code pay_…})
 * @param provider who took the money
 * @param amountCents what was (or is to be) paid, in the currency's minor unit
 * @param credits what the payment buys (pack) or grants (plan month)
 * @param creditsReversed taken back after refunds
 * @param creditsOwed refunded credits that had been spent already (never taken below zero)
 */
public record Payment(
        UUID id,
        long universityId,
        long userId,
        String externalId,
        Product.Kind kind,
        String product,
        String description,
        long amountCents,
        String currency,
        PaymentStatus status,
        Currency creditsCurrency,
        int credits,
        int creditsReversed,
        int creditsOwed,
        long refundedCents,
        @Nullable String invoiceId,
        @Nullable String paymentIntentId,
        @Nullable String subscriptionId,
        @Nullable String customerId,
        Instant createdAt,
        @Nullable Instant paidAt,
        PaymentSettings.Provider provider) {

    /** "$9.00". */
    public String amount() {
        return Money.formatExact(amountCents, currency);
    }
}
