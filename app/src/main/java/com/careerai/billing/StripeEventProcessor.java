package com.careerai.billing;

import static com.careerai.billing.StripeJson.epochSeconds;
import static com.careerai.billing.StripeJson.first;
import static com.careerai.billing.StripeJson.flag;
import static com.careerai.billing.StripeJson.metadata;
import static com.careerai.billing.StripeJson.number;
import static com.careerai.billing.StripeJson.text;

import com.careerai.auth.UserAccounts;
import com.careerai.billing.EventOutcome.Owner;
import com.careerai.billing.PaymentGateway.WebhookEvent;
import com.careerai.credits.Wallets;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.platform.outbox.Outbox;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies one verified Stripe event, exactly once: in one transaction it claims the event id in
 * {@code stripe_events} and, only if the claim is new, changes payments, subscriptions and the
 * wallet (whose ledger keys make a second application impossible anyway). The student comes
 * from the metadata CareerAI put on the checkout (or from the subscription it recorded) and must
 * be a user of the named university; otherwise the event is recorded as rejected and nothing
 * changes. Events may arrive in any order.
 */
@Singleton
class StripeEventProcessor {
    /** Invoices that start a paid month: they grant the plan's monthly credits. */
    private static final Set<String> MONTHLY_INVOICES = Set.of("subscription_create", "subscription_cycle");

    private final StripeEventStore events;
    private final PaymentStore payments;
    private final SubscriptionStore subscriptions;
    private final Catalogue catalogue;
    private final Wallets wallets;
    private final UserAccounts users;
    private final Outbox outbox;
    private final UnitOfWork units;
    private final RefundLedger refunds;
    private final Invoices invoices;
    private final ExpertAccountEvents expertAccounts;
    private final SubscriptionStates states;

    StripeEventProcessor(
            StripeEventStore events,
            PaymentStore payments,
            SubscriptionStore subscriptions,
            Catalogue catalogue,
            Wallets wallets,
            UserAccounts users,
            Outbox outbox,
            UnitOfWork units,
            RefundLedger refunds,
            Invoices invoices,
            ExpertAccountEvents expertAccounts,
            SubscriptionStates states) {
        this.states = states;
        this.invoices = invoices;
        this.expertAccounts = expertAccounts;
        this.units = units;
        this.refunds = refunds;
        this.events = events;
        this.payments = payments;
        this.subscriptions = subscriptions;
        this.catalogue = catalogue;
        this.wallets = wallets;
        this.users = users;
        this.outbox = outbox;
    }

    /**
     * @param invoiceHint for {@code charge.refunded} on API versions whose charges do not name
     *     their invoice: the invoice Stripe says the charge's payment intent paid, if any
     */
    @Transactional
    public EventOutcome process(WebhookEvent event, @Nullable String invoiceHint) {
        if (!events.claim(event)) {
            return EventOutcome.duplicate();
        }
        return applyClaimed(event, invoiceHint);
    }

    /** Applies a FAILED (or RETRYING) event again, for an operator; DUPLICATE when it is neither. */
    @Transactional
    public EventOutcome replay(WebhookEvent event, @Nullable String invoiceHint) {
        if (!events.reclaim(event.id())) {
            return EventOutcome.duplicate();
        }
        return applyClaimed(event, invoiceHint);
    }

    private EventOutcome applyClaimed(WebhookEvent event, @Nullable String invoiceHint) {
        EventOutcome outcome = apply(event, invoiceHint);
        events.finish(event.id(), outcome);
        if (outcome.kind() == EventOutcome.Kind.PROCESSED && !"charge.refunded".equals(event.type())) {
            applyParkedRefunds(event);
        }
        return outcome;
    }

    /**
     * Refunds that arrived before this event recorded their payment: applied now, in this
     * transaction, oldest first. Looks for the payment intents and invoices the event names.
     */
    private void applyParkedRefunds(WebhookEvent event) {
        JsonNode object = event.object();
        Set<String> paymentIntents = new java.util.LinkedHashSet<>();
        Set<String> invoices = new java.util.LinkedHashSet<>();
        java.util.stream.Stream.of(
                        text(object, "payment_intent"),
                        text(object, "payments", "data", 0, "payment", "payment_intent"))
                .filter(java.util.Objects::nonNull)
                .forEach(paymentIntents::add);
        java.util.stream.Stream.of(
                        text(object, "invoice"), "invoice".equals(text(object, "object")) ? text(object, "id") : null)
                .filter(java.util.Objects::nonNull)
                .forEach(invoices::add);
        for (StripeEventStore.Stored parked : events.parkedFor(paymentIntents, invoices)) {
            WebhookEvent refund = StripeWebhooks.eventOf(parked);
            EventOutcome applied = chargeRefunded(refund, parked.invoiceHint());
            if (applied.kind() == EventOutcome.Kind.PARKED) {
                continue; // still no payment for it (this event named it, but recorded another)
            }
            events.finish(
                    parked.id(),
                    new EventOutcome(
                            applied.kind(),
                            "applied after " + event.id() + " recorded its payment: " + applied.detail(),
                            applied.universityId(),
                            applied.userId()));
        }
    }

    private EventOutcome apply(WebhookEvent event, @Nullable String invoiceHint) {
        return switch (event.type()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> checkoutCompleted(event);
            case "checkout.session.async_payment_failed" -> checkoutClosed(event, PaymentStatus.FAILED);
            case "checkout.session.expired" -> checkoutClosed(event, PaymentStatus.EXPIRED);
            case "invoice.paid" -> invoicePaid(event);
            case "invoice.payment_failed" -> invoiceFailed(event);
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" ->
                subscriptionChanged(event);
            case "charge.refunded" -> chargeRefunded(event, invoiceHint);
            case "account.updated" -> expertAccounts.accountUpdated(event);
            default -> EventOutcome.ignored("event type not handled");
        };
    }

    // ---- Checkout Sessions -------------------------------------------------------------------

    private EventOutcome checkoutCompleted(WebhookEvent event) {
        JsonNode session = event.object();
        String sessionId = text(session, "id");
        Map<String, String> metadata = metadata(session, "metadata");
        Resolved resolved = ownerFromMetadata(metadata);
        if (resolved.refusal() != null) {
            return resolved.refusal();
        }
        Owner owner = resolved.owner();
        if (sessionId == null) {
            return EventOutcome.rejected("checkout session without an id");
        }
        String mode = text(session, "mode");
        if ("subscription".equals(mode)) {
            return subscriptionCheckoutCompleted(event, session, sessionId, owner, metadata);
        }
        if (!"payment".equals(mode)) {
            return EventOutcome.ignored("checkout mode " + mode + " not handled");
        }
        Optional<Payment> found = paymentOfCheckout(owner, session, sessionId, metadata, Product.Kind.PACK);
        if (found.isEmpty()) {
            return EventOutcome.rejected("no pack payment of user " + owner.userId() + " for checkout " + sessionId);
        }
        Payment payment = found.get();
        String paymentIntent = text(session, "payment_intent");
        String customer = text(session, "customer");
        String paymentStatus = text(session, "payment_status");
        if (!"paid".equals(paymentStatus) && !"no_payment_required".equals(paymentStatus)) {
            payments.attach(owner.universityId(), payment.id(), paymentIntent, null, null, customer);
            return EventOutcome.processed(owner, "checkout completed, payment " + paymentStatus + ": waiting for it");
        }
        if (!payment.status().open()) {
            payments.attach(owner.universityId(), payment.id(), paymentIntent, null, null, customer);
            return EventOutcome.processed(owner, "payment was already " + payment.status());
        }
        Map<String, Object> ledgerMetadata = new LinkedHashMap<>();
        ledgerMetadata.put("payment", payment.id().toString());
        ledgerMetadata.put("product", payment.product());
        ledgerMetadata.put("stripe_session", sessionId);
        ledgerMetadata.put("stripe_event", event.id());
        if (payment.credits() > 0) { // an item another feature sold (a course place) carries none
            wallets.topUp(
                    owner.universityId(),
                    owner.userId(),
                    payment.creditsCurrency(),
                    payment.credits(),
                    "stripe:" + sessionId,
                    ledgerMetadata);
        }
        payments.markPaid(
                owner.universityId(),
                payment.id(),
                number(session, payment.amountCents(), "amount_total"),
                Optional.ofNullable(text(session, "currency")).orElse(payment.currency()),
                paymentIntent,
                null,
                null,
                customer);
        invoices.issue(owner.universityId(), payment.id());
        outbox.record(owner.universityId(), new PaymentConfirmed(owner.universityId(), owner.userId(), payment.id()));
        return EventOutcome.processed(
                owner,
                "topped up " + payment.credits() + " "
                        + payment.creditsCurrency().key() + " for payment " + payment.id());
    }

    private EventOutcome subscriptionCheckoutCompleted(
            WebhookEvent event, JsonNode session, String sessionId, Owner owner, Map<String, String> metadata) {
        Optional<Product> plan =
                catalogue.find(metadata.get(CheckoutMetadata.PRODUCT)).filter(Product::isPlan);
        if (plan.isEmpty()) {
            return EventOutcome.rejected("unknown plan " + metadata.get(CheckoutMetadata.PRODUCT));
        }
        String subscriptionId = text(session, "subscription");
        String customer = text(session, "customer");
        String firstInvoice = text(session, "invoice");
        Optional<Payment> payment = payments.lockByExternalId(owner.universityId(), sessionId);
        if (payment.isPresent()) {
            if (payment.get().userId() != owner.userId()) {
                return EventOutcome.rejected("checkout " + sessionId + " belongs to another student");
            }
            // The first invoice is this payment's, unless its invoice.paid already recorded it elsewhere.
            String invoice = firstInvoice != null
                            && payments.routeByInvoice(firstInvoice).isEmpty()
                    ? firstInvoice
                    : null;
            payments.attach(owner.universityId(), payment.get().id(), null, invoice, subscriptionId, customer);
        }
        if (subscriptionId == null) {
            return EventOutcome.processed(owner, "subscription checkout completed without a subscription");
        }
        boolean paid = "paid".equals(text(session, "payment_status"));
        if (!observeSubscription(
                owner,
                subscriptionId,
                customer,
                plan.get().id(),
                paid ? "active" : "incomplete",
                null,
                null,
                event.created())) {
            return EventOutcome.rejected("subscription " + subscriptionId + " belongs to another student");
        }
        return EventOutcome.processed(owner, plan.get().name() + " subscription " + subscriptionId + " started");
    }

    private EventOutcome checkoutClosed(WebhookEvent event, PaymentStatus status) {
        JsonNode session = event.object();
        String sessionId = text(session, "id");
        Resolved resolved = ownerFromMetadata(metadata(session, "metadata"));
        if (resolved.refusal() != null) {
            return resolved.refusal();
        }
        Owner owner = resolved.owner();
        Optional<Payment> payment =
                sessionId == null ? Optional.empty() : payments.lockByExternalId(owner.universityId(), sessionId);
        if (payment.isEmpty()) {
            return EventOutcome.ignored("no payment for checkout " + sessionId);
        }
        if (payment.get().userId() != owner.userId()) {
            return EventOutcome.rejected("checkout " + sessionId + " belongs to another student");
        }
        if (payment.get().status() == PaymentStatus.PENDING) {
            payments.setStatus(owner.universityId(), payment.get().id(), status);
            if (status == PaymentStatus.EXPIRED) {
                outbox.record(
                        owner.universityId(),
                        new CheckoutExpired(
                                owner.universityId(),
                                owner.userId(),
                                payment.get().id()));
            }
        }
        return EventOutcome.processed(
                owner, "checkout " + sessionId + " " + status.name().toLowerCase());
    }

    /**
     * The payment row of a checkout, locked; created from the metadata when the row is missing.
     * Empty when it belongs to another student or university, or the product is not of this kind.
     */
    private Optional<Payment> paymentOfCheckout(
            Owner owner, JsonNode session, String sessionId, Map<String, String> metadata, Product.Kind kind) {
        Optional<Payment> payment = payments.lockByExternalId(owner.universityId(), sessionId);
        if (payment.isEmpty() && ItemCheckouts.ITEM.equals(metadata.get(CheckoutMetadata.PRODUCT))) {
            // the webhook beat the checkout's own insert: record the item as Stripe describes it
            Optional<UUID> paymentId = CheckoutMetadata.payment(metadata);
            if (paymentId.isEmpty()) {
                return Optional.empty();
            }
            payments.insertIfAbsent(new PaymentStore.NewPayment(
                    owner.universityId(),
                    paymentId.get(),
                    owner.userId(),
                    sessionId,
                    Product.Kind.PACK,
                    ItemCheckouts.ITEM,
                    "Course place",
                    number(session, 0, "amount_total"),
                    Optional.ofNullable(text(session, "currency")).orElse("usd"),
                    PaymentStatus.PENDING,
                    com.careerai.credits.Currency.GOLD,
                    0,
                    null));
            payment = payments.lockByExternalId(owner.universityId(), sessionId);
        }
        if (payment.isEmpty()) {
            Optional<Product> product = catalogue
                    .find(metadata.get(CheckoutMetadata.PRODUCT))
                    .filter(candidate -> candidate.kind() == kind);
            if (product.isEmpty()) {
                return Optional.empty();
            }
            payments.insertIfAbsent(PaymentStore.NewPayment.of(
                    owner.universityId(),
                    CheckoutMetadata.payment(metadata).orElseGet(UUID::randomUUID),
                    owner.userId(),
                    sessionId,
                    product.get(),
                    PaymentStatus.PENDING,
                    null));
            payment = payments.lockByExternalId(owner.universityId(), sessionId);
        }
        return payment.filter(found -> found.userId() == owner.userId() && found.kind() == kind);
    }

    // ---- Invoices (plans) ----------------------------------------------------------------------

    /** Whose invoice, for which plan; or why it is not CareerAI's to apply. */
    private record InvoiceContext(
            @Nullable EventOutcome refusal,
            @Nullable Owner owner,
            @Nullable Product plan,
            String invoiceId,
            @Nullable String subscriptionId,
            @Nullable String customer,
            @Nullable String billingReason,
            Map<String, String> metadata) {}

    private InvoiceContext invoice(WebhookEvent event) {
        JsonNode invoice = event.object();
        String invoiceId = Optional.ofNullable(text(invoice, "id")).orElse("");
        String subscriptionId =
                first(text(invoice, "subscription"), text(invoice, "parent", "subscription_details", "subscription"));
        Map<String, String> metadata = firstNonEmpty(
                metadata(invoice, "parent", "subscription_details", "metadata"),
                metadata(invoice, "subscription_details", "metadata"),
                metadata(invoice, "lines", "data", 0, "metadata"));
        String customer = text(invoice, "customer");
        String reason = text(invoice, "billing_reason");
        Optional<SubscriptionStore.Route> route =
                subscriptionId == null ? Optional.empty() : subscriptions.route(subscriptionId);
        Resolved resolved = owner(metadata, route);
        if (resolved.refusal() != null) {
            return new InvoiceContext(
                    resolved.refusal(), null, null, invoiceId, subscriptionId, customer, reason, metadata);
        }
        Optional<Product> plan = Optional.ofNullable(first(
                        text(invoice, "lines", "data", 0, "price", "id"),
                        text(invoice, "lines", "data", 0, "pricing", "price_details", "price")))
                .flatMap(catalogue::planForStripePrice)
                .or(() -> catalogue.find(metadata.get(CheckoutMetadata.PRODUCT)))
                .or(() -> route.flatMap(found -> catalogue.find(found.product())))
                .filter(Product::isPlan);
        if (plan.isEmpty()) {
            return new InvoiceContext(
                    EventOutcome.rejected("unknown plan " + metadata.get(CheckoutMetadata.PRODUCT)),
                    null,
                    null,
                    invoiceId,
                    subscriptionId,
                    customer,
                    reason,
                    metadata);
        }
        if (invoiceId.isEmpty()) {
            return new InvoiceContext(
                    EventOutcome.rejected("invoice without an id"),
                    null,
                    null,
                    invoiceId,
                    subscriptionId,
                    customer,
                    reason,
                    metadata);
        }
        return new InvoiceContext(
                null, resolved.owner(), plan.get(), invoiceId, subscriptionId, customer, reason, metadata);
    }

    private EventOutcome invoicePaid(WebhookEvent event) {
        InvoiceContext context = invoice(event);
        if (context.refusal() != null) {
            return context.refusal();
        }
        Owner owner = context.owner();
        Product plan = context.plan();
        boolean monthly = context.billingReason() == null || MONTHLY_INVOICES.contains(context.billingReason());
        Optional<Payment> found = paymentOfInvoice(context, monthly);
        if (found.isEmpty()) {
            return EventOutcome.rejected("invoice " + context.invoiceId() + " belongs to another student");
        }
        Payment payment = found.get();
        JsonNode invoice = event.object();
        if (!payment.status().credited()) {
            if (payment.credits() > 0) {
                wallets.grant(
                        owner.universityId(),
                        owner.userId(),
                        payment.creditsCurrency(),
                        payment.credits(),
                        "stripe:invoice:" + context.invoiceId(),
                        "stripe",
                        plan.name() + " plan: monthly credits");
            }
            payments.markPaid(
                    owner.universityId(),
                    payment.id(),
                    number(invoice, payment.amountCents(), "amount_paid"),
                    Optional.ofNullable(text(invoice, "currency")).orElse(payment.currency()),
                    first(
                            text(invoice, "payment_intent"),
                            text(invoice, "payments", "data", 0, "payment", "payment_intent")),
                    context.invoiceId(),
                    context.subscriptionId(),
                    context.customer());
            invoices.issue(owner.universityId(), payment.id());
            outbox.record(
                    owner.universityId(), new PaymentConfirmed(owner.universityId(), owner.userId(), payment.id()));
        }
        if (context.subscriptionId() != null
                && !observeSubscription(
                        owner,
                        context.subscriptionId(),
                        context.customer(),
                        plan.id(),
                        "active",
                        null,
                        null,
                        event.created())) {
            throw new IllegalStateException("subscription " + context.subscriptionId() + " changed owner");
        }
        return EventOutcome.processed(
                owner,
                payment.status().credited()
                        ? "invoice " + context.invoiceId() + " was already paid"
                        : "invoice " + context.invoiceId() + " paid: granted " + payment.credits() + " "
                                + payment.creditsCurrency().key());
    }

    private EventOutcome invoiceFailed(WebhookEvent event) {
        InvoiceContext context = invoice(event);
        if (context.refusal() != null) {
            return context.refusal();
        }
        Owner owner = context.owner();
        if ("subscription_create".equals(context.billingReason())) {
            // The first payment happens inside Checkout: its session shows the failure.
            return EventOutcome.processed(owner, "first invoice failed inside checkout");
        }
        Optional<Payment> found = paymentOfInvoice(context, true);
        if (found.isEmpty()) {
            return EventOutcome.rejected("invoice " + context.invoiceId() + " belongs to another student");
        }
        if (found.get().status() == PaymentStatus.PENDING) {
            payments.setStatus(owner.universityId(), found.get().id(), PaymentStatus.FAILED);
        }
        return EventOutcome.processed(owner, "invoice " + context.invoiceId() + " failed");
    }

    /**
     * The payment of an invoice, locked: the one that recorded it, else (the first invoice) the
     * checkout's payment named in the metadata, else a new row of its own. Empty when it is another
     * student's.
     */
    private Optional<Payment> paymentOfInvoice(InvoiceContext context, boolean grantsCredits) {
        Owner owner = context.owner();
        Optional<Payment> payment = payments.lockByInvoice(owner.universityId(), context.invoiceId());
        if (payment.isEmpty() && "subscription_create".equals(context.billingReason())) {
            Optional<UUID> checkout = CheckoutMetadata.payment(context.metadata());
            Optional<Payment> candidate = checkout.flatMap(id -> payments.lock(owner.universityId(), id))
                    .filter(found -> found.kind() == Product.Kind.PLAN && found.userId() == owner.userId());
            if (candidate.isPresent()) {
                // Holding the checkout's row lock, look again: the checkout's own completion may have
                // attached this invoice to it (or another row may hold it) meanwhile.
                payment = payments.lockByInvoice(owner.universityId(), context.invoiceId());
                if (payment.isEmpty()
                        && candidate.get().invoiceId() == null
                        && payments.routeByInvoice(context.invoiceId()).isEmpty()) {
                    payments.attach(
                            owner.universityId(),
                            candidate.get().id(),
                            null,
                            context.invoiceId(),
                            context.subscriptionId(),
                            context.customer());
                    payment = candidate;
                }
            }
        }
        if (payment.isEmpty()) {
            Product plan = context.plan();
            PaymentStore.NewPayment row = PaymentStore.NewPayment.of(
                    owner.universityId(),
                    UUID.randomUUID(),
                    owner.userId(),
                    context.invoiceId(),
                    plan,
                    PaymentStatus.PENDING,
                    context.customer());
            if (!grantsCredits) {
                row = new PaymentStore.NewPayment(
                        row.universityId(),
                        row.id(),
                        row.userId(),
                        row.externalId(),
                        row.kind(),
                        row.product(),
                        plan.name() + " plan (change)",
                        row.amountCents(),
                        row.currency(),
                        row.status(),
                        row.creditsCurrency(),
                        0,
                        row.customerId());
            }
            payments.insertIfAbsent(row);
            payment = payments.lockByExternalId(owner.universityId(), context.invoiceId());
            payment.ifPresent(created -> payments.attach(
                    owner.universityId(),
                    created.id(),
                    null,
                    payments.routeByInvoice(context.invoiceId()).isEmpty() ? context.invoiceId() : null,
                    context.subscriptionId(),
                    context.customer()));
        }
        return payment.filter(found -> found.userId() == owner.userId())
                .flatMap(found -> payments.lock(owner.universityId(), found.id()));
    }

    // ---- Subscriptions -------------------------------------------------------------------------

    private EventOutcome subscriptionChanged(WebhookEvent event) {
        JsonNode subscription = event.object();
        String subscriptionId = text(subscription, "id");
        if (subscriptionId == null) {
            return EventOutcome.rejected("subscription without an id");
        }
        Map<String, String> metadata = metadata(subscription, "metadata");
        Optional<SubscriptionStore.Route> route = subscriptions.route(subscriptionId);
        Resolved resolved = owner(metadata, route);
        if (resolved.refusal() != null) {
            return resolved.refusal();
        }
        Owner owner = resolved.owner();
        Optional<Product> plan = Optional.ofNullable(text(subscription, "items", "data", 0, "price", "id"))
                .flatMap(catalogue::planForStripePrice)
                .or(() -> catalogue.find(metadata.get(CheckoutMetadata.PRODUCT)))
                .or(() -> route.flatMap(found -> catalogue.find(found.product())))
                .filter(Product::isPlan);
        if (plan.isEmpty()) {
            return EventOutcome.rejected("unknown plan " + metadata.get(CheckoutMetadata.PRODUCT));
        }
        String status = event.type().equals("customer.subscription.deleted")
                ? "canceled"
                : Optional.ofNullable(text(subscription, "status")).orElse("");
        if (!Subscription.KNOWN.contains(status)) {
            return EventOutcome.rejected("unknown subscription status " + status);
        }
        Instant periodEnd = Optional.ofNullable(epochSeconds(subscription, "current_period_end"))
                .orElse(epochSeconds(subscription, "items", "data", 0, "current_period_end"));
        boolean cancelling = flag(subscription, "cancel_at_period_end")
                || (epochSeconds(subscription, "cancel_at") != null && !"canceled".equals(status));
        if (!observeSubscription(
                owner,
                subscriptionId,
                text(subscription, "customer"),
                plan.get().id(),
                status,
                cancelling,
                periodEnd,
                event.created())) {
            return EventOutcome.rejected("subscription " + subscriptionId + " belongs to another student");
        }
        return EventOutcome.processed(owner, "subscription " + subscriptionId + " " + status);
    }

    /**
     * Records a subscription state Stripe reported at {@code at} (unless a newer one is recorded)
     * and sets the student's Pro flag from all their subscriptions. False when the subscription is
     * another student's.
     */
    private boolean observeSubscription(
            Owner owner,
            String subscriptionId,
            @Nullable String customer,
            String product,
            String status,
            @Nullable Boolean cancelAtPeriodEnd,
            @Nullable Instant periodEnd,
            Instant at) {
        return states.observe(
                owner,
                PaymentSettings.Provider.STRIPE,
                subscriptionId,
                customer,
                product,
                status,
                cancelAtPeriodEnd,
                periodEnd,
                at);
    }

    // ---- Refunds -----------------------------------------------------------------------------

    private EventOutcome chargeRefunded(WebhookEvent event, @Nullable String invoiceHint) {
        JsonNode charge = event.object();
        String chargeId = Optional.ofNullable(text(charge, "id")).orElse(event.id());
        String paymentIntent = text(charge, "payment_intent");
        String invoice = first(text(charge, "invoice"), invoiceHint);
        Optional<PaymentStore.Route> route =
                paymentIntent == null ? Optional.empty() : payments.routeByPaymentIntent(paymentIntent);
        if (route.isEmpty() && invoice != null) {
            route = payments.routeByInvoice(invoice);
        }
        if (route.isEmpty()) {
            if (paymentIntent == null && invoice == null) {
                return EventOutcome.ignored("no CareerAI payment for charge " + chargeId);
            }
            // Stripe does not promise order: the payment this refunds may be recorded later.
            events.park(event, paymentIntent, invoice, invoiceHint);
            return EventOutcome.parked(
                    "no payment recorded yet for charge " + chargeId + ": parked until its payment is recorded");
        }
        units.enter(route.get().universityId());
        Payment payment = payments.lock(route.get().universityId(), route.get().paymentId())
                .orElseThrow();
        Owner owner = new Owner(payment.universityId(), payment.userId());
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("stripe_event", event.id());
        RefundLedger.Applied applied = refunds.apply(
                payment,
                chargeId,
                number(charge, 0, "amount_refunded"),
                number(charge, payment.amountCents(), "amount"),
                source);
        return EventOutcome.processed(owner, applied.summary());
    }

    // ---- Who an event is for -------------------------------------------------------------------

    /** The student an event is for, or the outcome that refuses it. */
    private record Resolved(@Nullable Owner owner, @Nullable EventOutcome refusal) {
        static Resolved of(Owner owner) {
            return new Resolved(owner, null);
        }

        static Resolved refused(EventOutcome outcome) {
            return new Resolved(null, outcome);
        }
    }

    private Resolved ownerFromMetadata(Map<String, String> metadata) {
        return owner(metadata, Optional.empty());
    }

    /**
     * The metadata's university and student, checked: the student must be a user of that
     * university, and of the recorded subscription when there is one. Without metadata, the
     * recorded subscription's student.
     */
    private Resolved owner(Map<String, String> metadata, Optional<SubscriptionStore.Route> route) {
        if (!CheckoutMetadata.present(metadata)) {
            return route.map(found -> member(found.universityId(), found.userId()))
                    .orElseGet(() -> Resolved.refused(EventOutcome.ignored("not a CareerAI payment (no metadata)")));
        }
        Long universityId = CheckoutMetadata.number(metadata, CheckoutMetadata.UNIVERSITY);
        Long userId = CheckoutMetadata.number(metadata, CheckoutMetadata.USER);
        if (universityId == null || userId == null) {
            return Resolved.refused(EventOutcome.rejected("malformed university_id or user_id in metadata"));
        }
        if (route.isPresent()
                && (route.get().universityId() != universityId || route.get().userId() != userId)) {
            return Resolved.refused(EventOutcome.rejected("subscription belongs to another student"));
        }
        return member(universityId, userId);
    }

    private Resolved member(long universityId, long userId) {
        units.enter(universityId);
        if (users.find(universityId, userId).isEmpty()) {
            return Resolved.refused(
                    EventOutcome.rejected("user " + userId + " is not a member of university " + universityId));
        }
        return Resolved.of(new Owner(universityId, userId));
    }

    @SafeVarargs
    private static Map<String, String> firstNonEmpty(Map<String, String>... candidates) {
        for (Map<String, String> candidate : candidates) {
            if (CheckoutMetadata.present(candidate)) {
                return candidate;
            }
        }
        return Map.of();
    }
}
