package com.careerai.billing;

import com.careerai.billing.EventOutcome.Owner;
import com.careerai.credits.Wallets;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.platform.outbox.Outbox;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.json.JSONObject;

/**
 * Plans through Razorpay subscriptions, from signature-verified data only. The subscription's
 * first payment row (its {@code external_id} the {@code sub_…} id, written when the student chose
 * the plan) names the student and the plan; every later event is routed to it. Each charge grants
 * the plan's monthly credits once, keyed by Razorpay's payment id ({@code razorpay:charge:<pay_…>}):
 * the first charge confirms that first row — from the student's signed Checkout answer or from
 * {@code subscription.charged}, whichever comes first — and each renewal gets a PAID row of its own.
 * {@code subscription.activated} / {@code charged} make the student Pro; {@code pending} keeps them
 * Pro while Razorpay retries; {@code halted}, {@code cancelled} and {@code completed} end it.
 * Webhook events are claimed once by {@link RazorpayPayments#process}, in the same transaction.
 */
@Singleton
class RazorpaySubscriptions {
    private final PaymentStore payments;
    private final Catalogue catalogue;
    private final Wallets wallets;
    private final Outbox outbox;
    private final UnitOfWork units;
    private final Invoices invoices;
    private final SubscriptionStates states;

    RazorpaySubscriptions(
            PaymentStore payments,
            Catalogue catalogue,
            Wallets wallets,
            Outbox outbox,
            UnitOfWork units,
            Invoices invoices,
            SubscriptionStates states) {
        this.payments = payments;
        this.catalogue = catalogue;
        this.wallets = wallets;
        this.outbox = outbox;
        this.units = units;
        this.invoices = invoices;
        this.states = states;
    }

    /** One charge Razorpay made: its payment id, amount (minor unit) and currency (lower case). */
    record Charge(String paymentId, long amount, String currency) {}

    /**
     * The student's signed Checkout answer for the subscription of their own plan payment, already
     * verified: the first month is paid (credits once) and the student is Pro. True when this call
     * confirmed it.
     */
    @Transactional
    public boolean confirmFromCheckout(
            long universityId, UUID paymentId, String subscriptionId, String razorpayPaymentId) {
        Payment first = payments.lock(universityId, paymentId).orElseThrow(BillingProblems.PaymentNotFound::new);
        Product plan = catalogue.find(first.product()).filter(Product::isPlan).orElseThrow();
        boolean confirmed = charged(
                first, plan, subscriptionId, new Charge(razorpayPaymentId, first.amountCents(), first.currency()));
        states.observe(
                owner(first),
                PaymentSettings.Provider.RAZORPAY,
                subscriptionId,
                null,
                plan.id(),
                "active",
                null,
                null,
                Instant.now());
        return confirmed;
    }

    /** Applies one {@code subscription.*} webhook event, already claimed, in the caller's transaction. */
    EventOutcome apply(String type, JSONObject event) {
        JSONObject payload = event.optJSONObject("payload");
        JSONObject subscription = RazorpayPayments.entity(payload, "subscription");
        String subscriptionId = subscription == null ? "" : subscription.optString("id", "");
        if (subscriptionId.isEmpty()) {
            return EventOutcome.ignored(type + " without a subscription");
        }
        Optional<Payment> found = lockFirst(subscriptionId);
        if (found.isEmpty()) {
            return EventOutcome.ignored("no plan of CareerAI for subscription " + subscriptionId);
        }
        Payment first = found.get();
        Owner owner = owner(first);
        Optional<Product> plan = catalogue.find(first.product()).filter(Product::isPlan);
        if (plan.isEmpty()) {
            return EventOutcome.rejected("unknown plan " + first.product());
        }
        String status = Subscription.fromRazorpay(subscription.optString("status", null))
                .or(() -> statusOf(type))
                .orElse(null);
        if (status == null) {
            return EventOutcome.rejected("unknown subscription status " + subscription.optString("status"));
        }
        StringBuilder detail = new StringBuilder();
        if ("subscription.charged".equals(type)) {
            JSONObject payment = RazorpayPayments.entity(payload, "payment");
            if (payment == null || payment.optString("id", "").isEmpty()) {
                return EventOutcome.rejected("subscription.charged without its payment");
            }
            if (!"captured".equals(payment.optString("status", "captured"))) {
                return EventOutcome.processed(owner, "charge " + payment.optString("status") + ": waiting");
            }
            Charge charge = new Charge(
                    payment.getString("id"),
                    payment.optLong("amount", first.amountCents()),
                    payment.optString("currency", first.currency()).toLowerCase(java.util.Locale.ROOT));
            detail.append(
                    charged(first, plan.get(), subscriptionId, charge)
                            ? "charge " + charge.paymentId() + " granted " + first.credits() + " "
                                    + first.creditsCurrency().key() + "; "
                            : "charge " + charge.paymentId() + " was already applied; ");
        } else if ("canceled".equals(status) && first.status() == PaymentStatus.PENDING) {
            // Ended before its first charge: nothing was paid, nothing will be.
            payments.setStatus(owner.universityId(), first.id(), PaymentStatus.EXPIRED);
            detail.append("never paid; ");
        }
        Instant at =
                Instant.ofEpochSecond(event.optLong("created_at", Instant.now().getEpochSecond()));
        Instant periodEnd = subscription.isNull("current_end") || !subscription.has("current_end")
                ? null
                : Instant.ofEpochSecond(subscription.optLong("current_end"));
        if (!states.observe(
                owner,
                PaymentSettings.Provider.RAZORPAY,
                subscriptionId,
                null, // a Razorpay customer is no Stripe customer: the portal must not be offered
                plan.get().id(),
                status,
                null,
                periodEnd,
                at)) {
            return EventOutcome.rejected("subscription " + subscriptionId + " belongs to another student");
        }
        return EventOutcome.processed(owner, detail + "subscription " + subscriptionId + " " + status);
    }

    /**
     * Grants the plan's month for one charge, once: the first charge confirms the first row; a
     * later one gets a row of its own. False when this charge was applied before.
     */
    private boolean charged(Payment first, Product plan, String subscriptionId, Charge charge) {
        if (first.status().open()) {
            if (payments.routeRazorpay(false, charge.paymentId()).isPresent()) {
                return false;
            }
            grant(first, plan, subscriptionId, charge);
            return true;
        }
        if (charge.paymentId().equals(first.paymentIntentId())
                || payments.routeRazorpay(false, charge.paymentId()).isPresent()) {
            return false;
        }
        UUID renewalId = UUID.randomUUID();
        boolean inserted = payments.insertIfAbsent(
                PaymentStore.NewPayment.of(
                        first.universityId(),
                        renewalId,
                        first.userId(),
                        charge.paymentId(),
                        plan,
                        PaymentStatus.PENDING,
                        null),
                PaymentSettings.Provider.RAZORPAY);
        if (!inserted) {
            return false; // recorded meanwhile (the external id is the charge's payment id)
        }
        grant(payments.lock(first.universityId(), renewalId).orElseThrow(), plan, subscriptionId, charge);
        return true;
    }

    private void grant(Payment payment, Product plan, String subscriptionId, Charge charge) {
        long universityId = payment.universityId();
        if (payment.credits() > 0) {
            wallets.grant(
                    universityId,
                    payment.userId(),
                    payment.creditsCurrency(),
                    payment.credits(),
                    "razorpay:charge:" + charge.paymentId(),
                    "razorpay",
                    plan.name() + " plan: monthly credits");
        }
        payments.markPaid(
                universityId,
                payment.id(),
                charge.amount(),
                charge.currency(),
                charge.paymentId(),
                null,
                subscriptionId,
                null);
        invoices.issue(universityId, payment.id());
        outbox.record(universityId, new PaymentConfirmed(universityId, payment.userId(), payment.id()));
    }

    /** The subscription's first payment row, in its university, locked. */
    private Optional<Payment> lockFirst(String subscriptionId) {
        Optional<PaymentStore.Route> route = payments.routeRazorpay(true, subscriptionId);
        if (route.isEmpty()) {
            return Optional.empty();
        }
        units.enter(route.get().universityId());
        return payments.lock(route.get().universityId(), route.get().paymentId())
                .filter(payment -> payment.kind() == Product.Kind.PLAN);
    }

    /** The status an event type implies when its entity carries none. */
    private static Optional<String> statusOf(String type) {
        return Optional.ofNullable(
                switch (type) {
                    case "subscription.activated", "subscription.charged", "subscription.resumed" -> "active";
                    case "subscription.pending" -> "past_due";
                    case "subscription.halted" -> "unpaid";
                    case "subscription.paused" -> "paused";
                    case "subscription.cancelled", "subscription.completed" -> "canceled";
                    case "subscription.authenticated" -> "incomplete";
                    default -> null;
                });
    }

    private static Owner owner(Payment payment) {
        return new Owner(payment.universityId(), payment.userId());
    }
}
