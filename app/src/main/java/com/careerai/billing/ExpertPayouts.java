package com.careerai.billing;

import com.careerai.auth.SignedInUser;
import com.careerai.platform.audit.AuditLog;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Paid expert sessions with Stripe Connect (ADR 0034): staff mark a counsellor as a paid expert,
 * the expert onboards to an Express account, students pay a session by card as a destination
 * charge (the university's platform fee kept as the application fee), and the expert's earnings.
 * Calls to Stripe never run inside a transaction.
 */
@Singleton
public class ExpertPayouts {
    /** The currency of money-priced sessions where the university chose none. */
    public static final String CURRENCY = "usd";

    /** The platform fee until staff set one. */
    public static final BigDecimal DEFAULT_FEE_PERCENT = new BigDecimal("10.00");

    private final ExpertAccountStore store;
    private final ConnectGateway connect;
    private final PaymentGateway gateway;
    private final PaymentStore payments;
    private final BillingAccounts accounts;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;
    private final RefundLedger ledger;
    private final PaymentProviders providers;
    private final ReconcileSchedule reconcileSchedule;
    private final Invoices invoices;
    private final RazorpayGateway razorpay;

    ExpertPayouts(
            ExpertAccountStore store,
            ConnectGateway connect,
            PaymentGateway gateway,
            PaymentStore payments,
            BillingAccounts accounts,
            AuditLog audit,
            TransactionOperations<Connection> transactions,
            RefundLedger ledger,
            PaymentProviders providers,
            ReconcileSchedule reconcileSchedule,
            Invoices invoices,
            RazorpayGateway razorpay) {
        this.razorpay = razorpay;
        this.invoices = invoices;
        this.ledger = ledger;
        this.providers = providers;
        this.reconcileSchedule = reconcileSchedule;
        this.store = store;
        this.connect = connect;
        this.gateway = gateway;
        this.payments = payments;
        this.accounts = accounts;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * Where an expert stands; {@code linkedAccount} is their Razorpay Route account ({@code acc_…}) when one
     * was recorded.
     */
    public record ExpertStatus(
            boolean paidExpert,
            boolean accountCreated,
            boolean chargesEnabled,
            boolean payoutsEnabled,
            boolean detailsSubmitted,
            @Nullable String linkedAccount) {
        public static final ExpertStatus NONE = new ExpertStatus(false, false, false, false, false, null);

        /** Whether their session types may carry a money price and be paid by card. */
        public boolean canCharge() {
            return paidExpert && accountCreated && chargesEnabled;
        }

        /** NOT_EXPERT, NOT_STARTED, IN_PROGRESS, CHARGES_ONLY or ACTIVE. */
        public String state() {
            if (!paidExpert) {
                return "NOT_EXPERT";
            }
            if (!accountCreated) {
                return "NOT_STARTED";
            }
            if (!chargesEnabled) {
                return "IN_PROGRESS";
            }
            return payoutsEnabled ? "ACTIVE" : "CHARGES_ONLY";
        }
    }

    /**
     * Where an expert stands with the university's payment provider: at a Razorpay university the
     * account is their Route linked account, taking charges (and payouts) once Razorpay says it is
     * activated.
     */
    public ExpertStatus status(long universityId, long userId) {
        boolean route = onRazorpay(universityId);
        return transactions.executeRead(tx ->
                store.find(universityId, userId).map(row -> status(row, route)).orElse(ExpertStatus.NONE));
    }

    /** Every user staff ever marked, by user id. */
    public Map<Long, ExpertStatus> statuses(long universityId) {
        boolean route = onRazorpay(universityId);
        return transactions.executeRead(tx -> {
            Map<Long, ExpertStatus> all = new LinkedHashMap<>();
            store.all(universityId).forEach(row -> all.put(row.userId(), status(row, route)));
            return all;
        });
    }

    /** Whether the university's experts are paid through Razorpay Route (linked accounts), not Stripe Connect. */
    public boolean paysThroughRoute(long universityId) {
        return onRazorpay(universityId);
    }

    private boolean onRazorpay(long universityId) {
        return providers.of(universityId).provider().kind() == PaymentSettings.Provider.RAZORPAY;
    }

    private static ExpertStatus status(ExpertAccountStore.Row row, boolean route) {
        if (route) {
            return new ExpertStatus(
                    row.paidExpert(),
                    row.razorpayAccountId() != null,
                    row.razorpayActivated(),
                    row.razorpayActivated(),
                    row.razorpayActivated(),
                    row.razorpayAccountId());
        }
        return new ExpertStatus(
                row.paidExpert(),
                row.accountId() != null,
                row.chargesEnabled(),
                row.payoutsEnabled(),
                row.detailsSubmitted(),
                row.razorpayAccountId());
    }

    /** Staff mark or unmark a counsellor (the caller checked they are one) as a paid expert; audited. */
    public void mark(SignedInUser staff, long counsellorId, boolean paidExpert) {
        transactions.executeWrite(tx -> {
            store.mark(staff.universityId(), counsellorId, paidExpert, staff.userId());
            audit.record(
                    staff.universityId(),
                    "user:" + staff.userId(),
                    paidExpert ? "experts.marked" : "experts.unmarked",
                    Map.of("counsellor", counsellorId));
            return null;
        });
    }

    /** The expert's Razorpay Route linked account ({@code acc_…}), when one was recorded. */
    public java.util.Optional<String> linkedAccount(long universityId, long userId) {
        return transactions
                .executeRead(tx -> store.find(universityId, userId))
                .map(ExpertAccountStore.Row::razorpayAccountId);
    }

    /**
     * Records a paid expert's Razorpay Route linked account (staff, or the expert themself) after
     * asking Razorpay for it ({@code GET /v2/accounts/{id}}): the expert takes money prices once its
     * status is "activated". Audited. Not inside a transaction (the call to Razorpay).
     *
     * @return whether the account is activated
     * @throws ExpertProblems.NotPaidExpert 409 unless staff marked them
     * @throws ExpertProblems.Invalid 422 beside {@code linkedAccount} for a malformed or unknown id
     * @throws ExpertProblems.WrongPayoutAccount 409 at a university not on Razorpay (Stripe experts onboard)
     */
    public boolean recordLinkedAccount(SignedInUser actor, long expertUserId, @Nullable String value) {
        long universityId = actor.universityId();
        String field = "linkedAccount";
        String accountId = value == null ? "" : value.strip();
        transactions
                .executeRead(tx -> store.find(universityId, expertUserId))
                .filter(ExpertAccountStore.Row::paidExpert)
                .orElseThrow(() -> new ExpertProblems.NotPaidExpert(
                        "Paid sessions are for counsellors the careers team made paid experts. Ask them first."));
        if (!onRazorpay(universityId)) {
            throw new ExpertProblems.WrongPayoutAccount(ExpertProblems.WrongPayoutAccount.STRIPE);
        }
        if (!accountId.matches("acc_[A-Za-z0-9]{1,64}")) {
            throw new ExpertProblems.Invalid(
                    field, "Give the Razorpay Route linked account id, which starts with acc_ (Dashboard → Route).");
        }
        String status = razorpay.linkedAccountStatus(accountId)
                .orElseThrow(() -> new ExpertProblems.Invalid(field, "Razorpay does not know this linked account."));
        boolean activated = "activated".equals(status);
        transactions.executeWrite(tx -> {
            store.lock(universityId, expertUserId);
            if (store.linkedAccountTaken(universityId, expertUserId, accountId)) {
                throw new ExpertProblems.Invalid(field, "Another expert has this linked account already.");
            }
            store.attachLinkedAccount(universityId, expertUserId, accountId, activated);
            audit.record(
                    universityId,
                    "user:" + actor.userId(),
                    "experts.linked_account",
                    Map.of("expert", expertUserId, "account", accountId, "status", status));
            return null;
        });
        return activated;
    }

    /**
     * The Stripe onboarding link for the signed-in expert: the Express account is created the first
     * time (once: Stripe's idempotency key and a row lock), then a fresh account link.
     *
     * @param siteUrl the expert's university site (return and refresh URLs are built on it)
     * @throws ExpertProblems.NotPaidExpert 409 unless staff marked them
     * @throws ExpertProblems.StripeRequired 409 at a university whose provider cannot pay experts
     */
    public String onboardingUrl(SignedInUser expert, String siteUrl) {
        ExpertAccountStore.Row row = transactions
                .executeRead(tx -> store.find(expert.universityId(), expert.userId()))
                .filter(ExpertAccountStore.Row::paidExpert)
                .orElseThrow(() -> new ExpertProblems.NotPaidExpert(
                        "Paid sessions are for counsellors the careers team made paid experts. Ask them first."));
        requirePaidSessionsPossible(expert.universityId());
        if (onRazorpay(expert.universityId())) {
            throw new ExpertProblems.WrongPayoutAccount(ExpertProblems.WrongPayoutAccount.RAZORPAY);
        }
        String accountId = row.accountId();
        if (accountId == null) {
            String created = connect.createExpressAccount(expert.universityId(), expert.userId(), expert.email());
            accountId = transactions.executeWrite(tx -> {
                store.lock(expert.universityId(), expert.userId());
                store.attachAccount(expert.universityId(), expert.userId(), created);
                String kept = store.find(expert.universityId(), expert.userId())
                        .map(ExpertAccountStore.Row::accountId)
                        .orElse(created);
                audit.record(
                        expert.universityId(),
                        "user:" + expert.userId(),
                        "experts.account_created",
                        Map.of("account", kept));
                return kept;
            });
        }
        return connect.onboardingLink(
                accountId, siteUrl + "/counsellor/payouts?refresh=1", siteUrl + "/counsellor/payouts?returned=1");
    }

    /**
     * Asks Stripe for the expert's account state and records it (when the expert comes back from
     * onboarding), so the page is right even before — or without — the {@code account.updated}
     * webhook. A later webhook still applies; an older one does not.
     */
    public void refreshFromStripe(SignedInUser expert) {
        String accountId = transactions
                .executeRead(tx -> store.find(expert.universityId(), expert.userId()))
                .map(ExpertAccountStore.Row::accountId)
                .orElse(null);
        if (accountId == null || !gateway.checkoutConfigured()) {
            return;
        }
        ConnectGateway.AccountState state = connect.accountState(accountId);
        transactions.executeWrite(tx -> store.updateState(
                expert.universityId(),
                accountId,
                state.chargesEnabled(),
                state.payoutsEnabled(),
                state.detailsSubmitted(),
                Instant.now()));
    }

    public BigDecimal platformFeePercent(long universityId) {
        return transactions.executeRead(tx -> store.feePercent(universityId).orElse(DEFAULT_FEE_PERCENT));
    }

    /** Staff set the platform fee (0–50 %, two decimals); audited with the old and new value. */
    public BigDecimal setPlatformFee(SignedInUser staff, @Nullable String value) {
        BigDecimal percent = parsePercent(value);
        return transactions.executeWrite(tx -> {
            BigDecimal before = store.feePercent(staff.universityId()).orElse(DEFAULT_FEE_PERCENT);
            store.setFeePercent(staff.universityId(), percent, staff.userId());
            audit.record(
                    staff.universityId(),
                    "user:" + staff.userId(),
                    "experts.platform_fee",
                    Map.of("from", before.toPlainString(), "to", percent.toPlainString()));
            return percent;
        });
    }

    static BigDecimal parsePercent(@Nullable String value) {
        String text = value == null ? "" : value.strip().replace("%", "").strip();
        String field = "platformFeePercent";
        if (text.isEmpty()) {
            throw new ExpertProblems.Invalid(field, "Give the platform fee as a percentage, such as 10 or 12.5.");
        }
        BigDecimal percent;
        try {
            percent = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ExpertProblems.Invalid(field, "Give the platform fee as a number, such as 10 or 12.5.");
        }
        if (percent.scale() > 2) {
            throw new ExpertProblems.Invalid(field, "Use at most two decimals.");
        }
        if (percent.signum() < 0 || percent.compareTo(new BigDecimal("50")) > 0) {
            throw new ExpertProblems.Invalid(field, "The platform fee is between 0 and 50 %.");
        }
        return percent.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The platform fee on an amount: the percentage, rounded half up to the minor unit. */
    static long fee(long amountCents, BigDecimal percent) {
        return BigDecimal.valueOf(amountCents)
                .multiply(percent)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /**
     * Parses a money price typed on a form ("45", "45.50") into minor units.
     *
     * @throws ExpertProblems.Invalid 422 beside {@code field}
     */
    public static long parsePrice(String field, String value) {
        String text = value.strip().replace("$", "").replace(",", "").strip();
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.scale() > 2) {
                throw new ExpertProblems.Invalid(field, "Use at most two decimals (cents).");
            }
            if (amount.compareTo(BigDecimal.ONE) < 0 || amount.compareTo(new BigDecimal("100000")) > 0) {
                throw new ExpertProblems.Invalid(field, "A price is between 1.00 and 100,000.00.");
            }
            return amount.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ExpertProblems.Invalid(field, "Give the price as a number, such as 45 or 45.50.");
        }
    }

    /**
     * The currency of the university's money-priced sessions: its payment currency
     * ({@code tenant-admin update --currency inr}), so an expert at a Razorpay university in India is
     * priced and paid in rupees; US dollars where none is set.
     */
    public String currency(long universityId) {
        String chosen = providers.of(universityId).currency();
        return chosen == null || chosen.isBlank() ? CURRENCY : chosen;
    }

    public static String format(long cents, String currency) {
        return Money.formatExact(cents, currency);
    }

    /**
     * A paid session sold: the payment id (chosen by counselling, it finds its booking by it), the
     * expert paid, and when the checkout closes.
     */
    public record SessionSale(
            UUID paymentId,
            long expertUserId,
            String name,
            long amountCents,
            String currency,
            Instant sessionStartsAt,
            Instant checkoutExpiresAt) {}

    /** Where to send the student. */
    public record Checkout(String sessionId, String url, long feeCents) {}

    /** Whether cards can be taken at all (Stripe is configured). */
    public boolean configured() {
        return gateway.checkoutConfigured();
    }

    /**
     * Whether the university's payment provider can pay an expert's share (Stripe Connect). A
     * university on Razorpay cannot sell paid sessions: prices, bookings and onboarding say so
     * ({@link ExpertProblems.StripeRequired#MESSAGE}).
     */
    public boolean paidSessionsPossible(long universityId) {
        return providers.of(universityId).provider().paysExperts();
    }

    /** @throws ExpertProblems.StripeRequired 409 at a university whose provider cannot pay experts */
    public void requirePaidSessionsPossible(long universityId) {
        if (!paidSessionsPossible(universityId)) {
            throw new ExpertProblems.StripeRequired();
        }
    }

    /**
     * Opens a destination-charge checkout for a paid session through the university's payment
     * provider ({@link PaymentProvider#startForExpert}) and records the payment PENDING with its
     * charge (amount, fee, expert). The webhook confirms it ({@link PaymentConfirmed}: then it is
     * invoiced like any confirmed payment) or it expires ({@link CheckoutExpired}); the university's
     * hourly reconciliation settles it if neither arrives. No transaction may be open around the call.
     *
     * @throws ExpertProblems.NotPaidExpert 409 when the expert cannot take payments now
     * @throws ExpertProblems.StripeRequired 409 when the university's provider cannot pay experts
     */
    public Checkout checkout(SignedInUser student, SessionSale sale, String siteUrl, String returnPath) {
        BillingService.requireStudent(student);
        long universityId = student.universityId();
        PaymentProviders.Choice choice = providers.of(universityId);
        if (!choice.provider().paysExperts()) {
            throw new ExpertProblems.StripeRequired();
        }
        if (!choice.provider().configured()) {
            throw new BillingProblems.NotConfigured();
        }
        ExpertAccountStore.Row expert = transactions
                .executeRead(tx -> store.find(universityId, sale.expertUserId()))
                .filter(row -> status(row, choice.provider().kind() == PaymentSettings.Provider.RAZORPAY)
                        .canCharge())
                .orElseThrow(() -> new ExpertProblems.NotPaidExpert(
                        "This counsellor cannot take card payments just now; choose another session."));
        String payee = choice.provider().kind() == PaymentSettings.Provider.RAZORPAY
                ? expert.razorpayAccountId()
                : expert.accountId();
        long feeCents = fee(sale.amountCents(), platformFeePercent(universityId));
        String customer = accounts.customerOf(universityId, student.userId()).orElse(null);
        String back = siteUrl + returnPath + (returnPath.contains("?") ? "&" : "?");
        Product product = new Product(
                ItemCheckouts.ITEM,
                Product.Kind.PACK,
                sale.name(),
                null,
                sale.amountCents(),
                sale.currency(),
                com.careerai.credits.Currency.GOLD,
                0,
                null,
                Product.PlanIncludes.NONE,
                false,
                List.of());
        PaymentProvider.Started started = choice.provider()
                .startForExpert(
                        new PaymentProvider.Purchase(
                                sale.paymentId(),
                                product,
                                CheckoutMetadata.of(
                                        universityId, student.userId(), ItemCheckouts.ITEM, sale.paymentId()),
                                student.email(),
                                customer,
                                siteUrl,
                                back + "checkout=done",
                                back + "checkout=cancelled"),
                        new PaymentProvider.ExpertShare(payee, feeCents, sale.checkoutExpiresAt()));
        transactions.executeWrite(tx -> {
            payments.insertIfAbsent(
                    PaymentStore.NewPayment.of(
                            universityId,
                            sale.paymentId(),
                            student.userId(),
                            started.externalId(),
                            product,
                            PaymentStatus.PENDING,
                            customer),
                    choice.provider().kind());
            store.insertCharge(
                    universityId,
                    sale.paymentId(),
                    sale.expertUserId(),
                    payee,
                    sale.amountCents(),
                    feeCents,
                    sale.currency(),
                    sale.name(),
                    sale.sessionStartsAt());
            return null;
        });
        reconcileSchedule.ensure(universityId);
        return new Checkout(started.externalId(), started.url(), feeCents);
    }

    /**
     * Closes a paid session's checkout when its hold runs out, so it can no longer be paid; true when
     * it can no longer be paid (or was never opened), false when the student paid first (the webhook
     * confirms it). No transaction may be open around the call.
     */
    public boolean closeCheckout(long universityId, UUID paymentId) {
        java.util.Optional<Payment> payment = transactions.executeWrite(tx -> payments.lock(universityId, paymentId));
        if (payment.isEmpty()) {
            return true;
        }
        if (payment.get().status() != PaymentStatus.PENDING) {
            return !payment.get().status().credited();
        }
        if (payment.get().provider() == PaymentSettings.Provider.RAZORPAY) {
            // Razorpay orders cannot be closed: unpaid now means released; a payment that still
            // arrives confirms a released booking, which refunds it (PaidSessions)
            return !"paid"
                    .equals(razorpay.fetchOrder(payment.get().externalId()).status());
        }
        return connect.expireCheckout(payment.get().externalId());
    }

    /**
     * Refunds what is left of a paid session's charge, reversing the transfer from the expert and
     * refunding the platform fee in proportion (Stripe computes both), and records the charge's new
     * refunded total exactly as the {@code charge.refunded} webhook would. Idempotent by
     * {@code decision} (Stripe's idempotency key): a retry refunds once.
     *
     * @param decision names the decision that refunds it ("cancel:<appointment>", "dispute:<appointment>")
     * @return false when there is nothing to refund (not paid, or refunded already)
     * @throws PaymentProviderException when Stripe refuses or cannot be reached (the caller retries)
     */
    public boolean refundSession(long universityId, UUID paymentId, String decision) {
        Payment payment = transactions
                .executeWrite(tx -> payments.lock(universityId, paymentId))
                .orElse(null);
        if (payment == null
                || payment.paymentIntentId() == null
                || (payment.status() != PaymentStatus.PAID && payment.status() != PaymentStatus.PARTIALLY_REFUNDED)) {
            return false;
        }
        Map<String, String> notes = Map.of(
                CheckoutMetadata.UNIVERSITY,
                Long.toString(universityId),
                CheckoutMetadata.PAYMENT,
                paymentId.toString(),
                "decision",
                decision);
        PaymentGateway.ProviderRefund answer = payment.provider() == PaymentSettings.Provider.RAZORPAY
                ? routeRefund(payment, "session-refund-" + decision, notes)
                : connect.refundDestinationCharge("session-refund-" + decision, payment.paymentIntentId(), null, notes);
        transactions.executeWrite(tx -> {
            Payment locked = payments.lock(universityId, paymentId).orElseThrow();
            if (answer.chargeId() != null && !"failed".equals(answer.status()) && !"canceled".equals(answer.status())) {
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("session_refund", decision);
                source.put("stripe_refund", answer.id());
                ledger.apply(
                        locked, answer.chargeId(), answer.chargeRefundedCents(), answer.chargeAmountCents(), source);
            }
            audit.record(
                    universityId,
                    "system",
                    "experts.session_refund." + answer.status(),
                    Map.of("payment", paymentId.toString(), "decision", decision, "provider_refund", answer.id()));
            return null;
        });
        return true;
    }

    /**
     * What is left of a Route payment refunded with {@code reverse_all: 1}: Razorpay takes the
     * transfer back from the expert's linked account. What is left is read from Razorpay first, so a
     * retry after a refund went through refunds nothing more. The refunded total is read back after.
     */
    private PaymentGateway.ProviderRefund routeRefund(Payment payment, String receipt, Map<String, String> notes) {
        RazorpayGateway.RazorpayPayment before = razorpay.fetchPayment(payment.paymentIntentId());
        long left = before.amount() - before.amountRefunded();
        if (left <= 0) {
            return new PaymentGateway.ProviderRefund(
                    "none", "succeeded", payment.paymentIntentId(), before.amount(), before.amountRefunded());
        }
        RazorpayGateway.RazorpayRefund refund = razorpay.refund(payment.paymentIntentId(), left, receipt, notes, true);
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

    /**
     * Demo data: the expert marked, onboarded as if Stripe had said so ({@code accountId} as given),
     * taking charges and payouts. Joins the seeder's transaction; changes nothing the second time.
     */
    public void seedDemoExpert(long universityId, long userId, long staffId, String accountId) {
        if (store.find(universityId, userId)
                .map(ExpertAccountStore.Row::accountId)
                .isPresent()) {
            return;
        }
        store.mark(universityId, userId, true, staffId);
        store.attachAccount(universityId, userId, accountId);
        store.updateState(universityId, accountId, true, true, true, Instant.now());
    }

    /**
     * Demo data: a paid session's confirmed destination charge (as if the webhook had confirmed it),
     * invoiced.
     * Joins the seeder's transaction; false when it was seeded before.
     */
    public boolean seedDemoCharge(
            long universityId,
            UUID paymentId,
            long studentId,
            long expertUserId,
            String name,
            long amountCents,
            Instant sessionStartsAt) {
        ExpertAccountStore.Row expert = store.find(universityId, expertUserId).orElseThrow();
        Product product = new Product(
                ItemCheckouts.ITEM,
                Product.Kind.PACK,
                name,
                null,
                amountCents,
                CURRENCY,
                com.careerai.credits.Currency.GOLD,
                0,
                null,
                Product.PlanIncludes.NONE,
                false,
                List.of());
        String session = "cs_demo_expert_" + paymentId;
        if (!payments.insertIfAbsent(PaymentStore.NewPayment.of(
                universityId, paymentId, studentId, session, product, PaymentStatus.PENDING, null))) {
            return false;
        }
        payments.markPaid(
                universityId, paymentId, amountCents, CURRENCY, "pi_demo_expert_" + paymentId, null, null, null);
        invoices.issue(universityId, paymentId); // confirmed payments are invoiced, the demo's too
        long fee = fee(amountCents, store.feePercent(universityId).orElse(DEFAULT_FEE_PERCENT));
        store.insertCharge(
                universityId,
                paymentId,
                expertUserId,
                expert.accountId(),
                amountCents,
                fee,
                CURRENCY,
                name,
                sessionStartsAt);
        return true;
    }

    /** One paid session in an expert's earnings. */
    public record SessionEarning(
            UUID paymentId,
            String description,
            Instant sessionStartsAt,
            long grossCents,
            long feeCents,
            long netCents,
            long refundedCents,
            String currency,
            String state) {}

    /** An expert's earnings: totals over the sessions students paid for, and the sessions. */
    public record Earnings(
            long grossCents,
            long feeCents,
            long netCents,
            long pendingCents,
            long paidOutCents,
            long refundedCents,
            String currency,
            List<SessionEarning> sessions) {}

    /**
     * The expert's earnings. Per session: gross = paid less refunded, fee = the application fee kept
     * (the fee refunded in proportion, rounded down as a remainder), net = gross - fee; net is
     * "pending" until the session's start (a cancellation may still refund it), "paid out" after.
     */
    public Earnings earnings(long universityId, long expertUserId, Instant now) {
        List<ExpertAccountStore.ChargeRow> rows =
                transactions.executeRead(tx -> store.paidCharges(universityId, expertUserId, 500));
        long gross = 0;
        long fees = 0;
        long pending = 0;
        long paidOut = 0;
        long refunded = 0;
        List<SessionEarning> sessions = new java.util.ArrayList<>();
        for (ExpertAccountStore.ChargeRow row : rows) {
            long kept = row.amountCents() - row.refundedCents();
            long fee = row.feeCents() - (row.feeCents() * row.refundedCents()) / row.amountCents();
            long net = kept - fee;
            boolean upcoming = row.sessionStartsAt().isAfter(now);
            String state = kept == 0 ? "refunded" : upcoming ? "pending" : "paid out";
            gross += kept;
            fees += fee;
            refunded += row.refundedCents();
            if (upcoming) {
                pending += net;
            } else {
                paidOut += net;
            }
            sessions.add(new SessionEarning(
                    row.paymentId(),
                    row.description(),
                    row.sessionStartsAt(),
                    kept,
                    fee,
                    net,
                    row.refundedCents(),
                    row.currency(),
                    state));
        }
        return new Earnings(gross, fees, gross - fees, pending, paidOut, refunded, currency(universityId), sessions);
    }

    /** One expert's totals on the staff page. */
    public record ExpertTotals(
            long expertUserId,
            long sessions,
            long grossCents,
            long feeCents,
            long netCents,
            long pendingCents,
            long paidOutCents) {}

    /** Every expert's totals (one SQL aggregate), for staff. */
    public List<ExpertTotals> allEarnings(long universityId, Instant now) {
        return transactions.executeRead(tx -> store.totals(universityId, now).stream()
                .map(t -> new ExpertTotals(
                        t.expertUserId(),
                        t.sessions(),
                        t.grossCents(),
                        t.feeCents(),
                        t.grossCents() - t.feeCents(),
                        t.pendingCents(),
                        t.paidOutCents()))
                .toList());
    }
}
