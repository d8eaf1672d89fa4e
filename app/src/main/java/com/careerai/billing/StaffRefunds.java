package com.careerai.billing;

import com.careerai.auth.SignedInUser;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Staff refund a confirmed payment in full or in part, with a reason (docs/adr/0028). Three short
 * steps, the provider called between them and never inside a transaction:
 *
 * <ol>
 *   <li>the payment is locked, the amount checked against what is left (refunded and still
 *       unanswered refunds included), and a {@code payment_refunds} row written (REQUESTED, audited);
 *   <li>the provider refunds with the row's id as idempotency key;
 *   <li>its answer is recorded on the row, and the charge's new refunded total on the payment
 *       through {@link RefundLedger} — exactly what the {@code charge.refunded} webhook would record,
 *       so the webhook that follows changes nothing. Unspent credits are reversed, the rest owed;
 *       {@link PaymentRefunded} goes through the outbox (courses cancel a fully refunded enrolment,
 *       the student is told by {@link RefundNoticeListener}).
 * </ol>
 *
 * <p>A paid expert session's payment is a destination charge (ADR 0034): its refund also takes the
 * expert's share back ({@code reverse_transfer}) and refunds the platform fee in proportion
 * ({@code refund_application_fee}); counselling cancels the booking when it is refunded in full.
 */
@Singleton
class StaffRefunds {
    static final int REASON_MAX = 500;

    private final PaymentStore payments;
    private final RefundStore refunds;
    private final RefundLedger ledger;
    private final PaymentGateway gateway;
    private final RazorpayGateway razorpay;
    private final ConnectGateway connect;
    private final ExpertAccountStore experts;
    private final AuditLog audit;
    private final UnitOfWork units;

    StaffRefunds(
            PaymentStore payments,
            RefundStore refunds,
            RefundLedger ledger,
            PaymentGateway gateway,
            RazorpayGateway razorpay,
            ConnectGateway connect,
            ExpertAccountStore experts,
            AuditLog audit,
            UnitOfWork units) {
        this.connect = connect;
        this.experts = experts;
        this.payments = payments;
        this.refunds = refunds;
        this.ledger = ledger;
        this.gateway = gateway;
        this.razorpay = razorpay;
        this.audit = audit;
        this.units = units;
    }

    /** What a refund request came to. {@code status}: PENDING, SUCCEEDED or FAILED. */
    record Outcome(UUID refundId, UUID paymentId, long amountCents, String status, PaymentStatus paymentStatus) {}

    /** @param expertCharge a paid expert session's destination charge (its transfer is reversed) */
    private record Requested(Payment payment, long amountCents, boolean expertCharge) {}

    /** What is left to refund of a payment, or why nothing can be. */
    static long refundable(Payment payment) {
        if (!payment.status().credited() || payment.paymentIntentId() == null) {
            return 0;
        }
        return Math.max(0, payment.amountCents() - payment.refundedCents());
    }

    /**
     * @param amountCents null for everything that is left
     * @throws Invalid (422) for a missing reason or an amount out of range; NotRefundable (409);
     *     BillingProblems.PaymentNotFound (404); PaymentProviderException (502) when the provider refuses
     */
    Outcome refund(
            long universityId,
            SignedInUser staff,
            UUID paymentId,
            @Nullable Long amountCents,
            @Nullable String reason) {
        String why = reason == null ? "" : reason.strip();
        Map<String, String> fields = new LinkedHashMap<>();
        String reasonProblem = reasonProblem(reason);
        if (reasonProblem != null) {
            fields.put("reason", reasonProblem);
        }
        if (amountCents != null && amountCents <= 0) {
            fields.put("amountCents", "Refund a positive amount, or leave it empty to refund everything that is left.");
        }
        if (!fields.isEmpty()) {
            throw new Invalid(fields);
        }
        UUID refundId = UUID.randomUUID();
        Requested requested = units.inUniversity(universityId, () -> {
            Payment locked = payments.lock(universityId, paymentId).orElseThrow(StaffPaymentNotFound::new);
            boolean configured = locked.provider() == PaymentSettings.Provider.RAZORPAY
                    ? razorpay.checkoutConfigured()
                    : gateway.checkoutConfigured();
            if (!configured) {
                throw new BillingProblems.NotConfigured();
            }
            long left = refundable(locked) - refunds.outstanding(universityId, paymentId);
            if (refundable(locked) == 0) {
                throw new NotRefundable(
                        locked.status().credited() && locked.paymentIntentId() == null
                                ? "This payment was not made by card through checkout; refund it in the provider's dashboard."
                                : locked.status().credited()
                                        ? "This payment is refunded in full already."
                                        : "Only confirmed payments can be refunded; this one is "
                                                + locked.status().name().toLowerCase(java.util.Locale.ROOT) + ".");
            }
            if (left <= 0) {
                throw new NotRefundable(
                        "A refund of this payment is being sent just now; reload the page in a moment.");
            }
            long amount = amountCents == null ? left : amountCents;
            if (amount > left) {
                throw new Invalid(Map.of(
                        "amountCents",
                        "At most " + Money.formatExact(left, locked.currency()) + " is left to refund."));
            }
            boolean expertCharge = experts.isCharge(universityId, paymentId);
            refunds.insert(universityId, refundId, paymentId, amount, why, staff.userId());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("payment", paymentId.toString());
            details.put("refund", refundId.toString());
            details.put("amount_cents", amount);
            details.put("reason", why);
            if (expertCharge && locked.provider() == PaymentSettings.Provider.RAZORPAY) {
                details.put("reverse_all", true); // Route: the transfer comes back from the linked account
            } else if (expertCharge) {
                details.put("reverse_transfer", true);
                details.put("refund_application_fee", true);
            }
            audit.record(universityId, "user:" + staff.userId(), "payments.refund.requested", details);
            return new Requested(locked, amount, expertCharge);
        });
        Payment payment = requested.payment();
        long amount = requested.amountCents();
        PaymentGateway.ProviderRefund answer;
        try {
            Map<String, String> metadata = Map.of(
                    CheckoutMetadata.UNIVERSITY,
                    Long.toString(universityId),
                    CheckoutMetadata.PAYMENT,
                    paymentId.toString(),
                    "refund_id",
                    refundId.toString());
            if (payment.provider() == PaymentSettings.Provider.RAZORPAY) {
                answer = razorpayRefund(payment, refundId, amount, metadata, requested.expertCharge());
            } else if (requested.expertCharge()) {
                // the expert's share comes back from their account, the fee in proportion
                answer = connect.refundDestinationCharge(
                        "refund-" + refundId, payment.paymentIntentId(), amount, metadata);
            } else {
                answer = gateway.refund(
                        new PaymentGateway.RefundRequest(refundId, payment.paymentIntentId(), amount, metadata));
            }
        } catch (PaymentProviderException e) {
            units.runInUniversity(universityId, () -> {
                refunds.answer(universityId, refundId, "FAILED", null, e.getMessage());
                audit.record(
                        universityId,
                        "user:" + staff.userId(),
                        "payments.refund.failed",
                        Map.of("payment", paymentId.toString(), "refund", refundId.toString()));
            });
            throw e;
        }
        String status =
                switch (answer.status()) {
                    case "succeeded" -> "SUCCEEDED";
                    case "failed", "canceled" -> "FAILED";
                    default -> "PENDING";
                };
        return units.inUniversity(universityId, () -> {
            refunds.answer(universityId, refundId, status, answer.id(), null);
            Payment locked = payments.lock(universityId, paymentId).orElseThrow();
            PaymentStatus now = locked.status();
            if (!"FAILED".equals(status) && answer.chargeId() != null) {
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("staff_refund", refundId.toString());
                source.put("stripe_refund", answer.id());
                now = ledger.apply(
                                locked,
                                answer.chargeId(),
                                answer.chargeRefundedCents(),
                                answer.chargeAmountCents(),
                                source)
                        .status();
            }
            audit.record(
                    universityId,
                    "user:" + staff.userId(),
                    "payments.refund." + status.toLowerCase(java.util.Locale.ROOT),
                    Map.of(
                            "payment", paymentId.toString(),
                            "refund", refundId.toString(),
                            "provider_refund", answer.id(),
                            "amount_cents", amount));
            return new Outcome(refundId, paymentId, amount, status, now);
        });
    }

    /**
     * A Razorpay refund of the captured payment, with our refund's id as its receipt; the payment's
     * refunded total is then read back from Razorpay (its refund answer does not carry it).
     */
    private PaymentGateway.ProviderRefund razorpayRefund(
            Payment payment, UUID refundId, long amount, Map<String, String> metadata, boolean reverseTransfers) {
        RazorpayGateway.RazorpayRefund refund =
                razorpay.refund(payment.paymentIntentId(), amount, refundId.toString(), metadata, reverseTransfers);
        RazorpayGateway.RazorpayPayment after = razorpay.fetchPayment(payment.paymentIntentId());
        String status =
                switch (refund.status()) {
                    case "processed" -> "succeeded";
                    case "failed" -> "failed";
                    default -> "pending";
                };
        return new PaymentGateway.ProviderRefund(
                refund.id(), status, payment.paymentIntentId(), after.amount(), after.amountRefunded());
    }

    /** What is wrong with a refund's reason, or null when it will do. */
    @Nullable
    static String reasonProblem(@Nullable String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            return "Give the reason for the refund (the student and the audit log see it).";
        }
        if (why.length() > REASON_MAX) {
            return "Keep the reason under " + REASON_MAX + " characters.";
        }
        return null;
    }

    /** 404: no such payment in this university. */
    static final class StaffPaymentNotFound extends ProblemException {
        private static final long serialVersionUID = 1L;

        StaffPaymentNotFound() {
            super(HttpStatus.NOT_FOUND, "payment_not_found", "There is no such payment at this university.");
        }
    }

    /** 409: the payment cannot be refunded (not confirmed, refunded already, not a checkout payment). */
    static final class NotRefundable extends ProblemException {
        private static final long serialVersionUID = 1L;

        NotRefundable(String message) {
            super(HttpStatus.CONFLICT, "not_refundable", message);
        }
    }

    /** 422: the reason or the amount is not acceptable. */
    static final class Invalid extends ProblemException {
        private static final long serialVersionUID = 1L;

        private final Map<String, String> fields;

        Invalid(Map<String, String> fields) {
            super(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "validation_failed",
                    fields.values().iterator().next());
            this.fields = Map.copyOf(fields);
        }

        @Override
        public Map<String, String> fields() {
            return fields;
        }
    }
}
