package com.careerai.billing;

import com.careerai.credits.Reversal;
import com.careerai.credits.Wallets;
import com.careerai.platform.outbox.Outbox;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records that a payment's refunded total reached a new amount, whoever learnt it first: a
 * {@code charge.refunded} webhook or a staff refund answered by the provider. The payment must be
 * locked by the caller. A total not above the one recorded changes nothing, so the webhook that
 * follows a staff refund (or a second delivery) applies nothing twice; the ledger key
 * {@code stripe:refund:<charge>:<total>} is the second wall. Credits are reversed in proportion
 * (all for a full refund), never below zero: what was spent already stays owed on the payment.
 */
@Singleton
class RefundLedger {
    private final PaymentStore payments;
    private final Wallets wallets;
    private final Outbox outbox;

    RefundLedger(PaymentStore payments, Wallets wallets, Outbox outbox) {
        this.payments = payments;
        this.wallets = wallets;
        this.outbox = outbox;
    }

    /** What one application of a refunded total did; {@code applied} false when it was known already. */
    record Applied(boolean applied, PaymentStatus status, int reversed, int owed, String summary) {}

    /**
     * @param payment the payment, locked ({@code FOR UPDATE}) in the caller's transaction
     * @param chargeId the provider's charge (part of the ledger key)
     * @param refundedCents the charge's refunded total, as the provider reports it (cumulative)
     * @param chargedCents what the charge took
     * @param source ledger metadata naming what reported the total (event id, staff refund id)
     */
    Applied apply(Payment payment, String chargeId, long refundedCents, long chargedCents, Map<String, Object> source) {
        long charged = Math.max(1, chargedCents);
        if (refundedCents <= payment.refundedCents()) {
            return new Applied(false, payment.status(), 0, 0, "refund of " + refundedCents + " already recorded");
        }
        long universityId = payment.universityId();
        PaymentStatus status = refundedCents >= charged ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        // Once per new refunded total, credited or not: courses cancel places, referrals cancel rewards.
        outbox.record(
                universityId,
                new PaymentRefunded(universityId, payment.userId(), payment.id(), status == PaymentStatus.REFUNDED));
        if (!payment.status().credited()) {
            payments.recordRefund(universityId, payment.id(), refundedCents, 0, 0, status);
            return new Applied(true, status, 0, 0, "refunded before it was confirmed: no credits to take back");
        }
        int target = refundedCents >= charged
                ? payment.credits()
                : (int) Math.min(payment.credits(), (long) payment.credits() * refundedCents / charged);
        int due = target - payment.creditsReversed() - payment.creditsOwed();
        int reversed = 0;
        int owed = 0;
        if (due > 0) {
            Map<String, Object> ledgerMetadata = new LinkedHashMap<>();
            ledgerMetadata.put("payment", payment.id().toString());
            ledgerMetadata.put("stripe_charge", chargeId);
            ledgerMetadata.putAll(source);
            ledgerMetadata.put("refunded_cents", refundedCents);
            Reversal reversal = wallets.reverse(
                    universityId,
                    payment.userId(),
                    payment.creditsCurrency(),
                    due,
                    "stripe:refund:" + chargeId + ":" + refundedCents,
                    ledgerMetadata);
            reversed = reversal.reversed();
            owed = reversal.unreversed();
        }
        payments.recordRefund(universityId, payment.id(), refundedCents, reversed, owed, status);
        return new Applied(
                true,
                status,
                reversed,
                owed,
                "refund to " + refundedCents + " of " + charged + ": took back " + reversed + ", owed " + owed + " "
                        + payment.creditsCurrency().key());
    }
}
