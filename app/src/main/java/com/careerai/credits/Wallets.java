package com.careerai.credits;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.credits.LedgerStore.NewEntry;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place credits move. Every method takes the university first and touches only that
 * university's wallets; every write is one transaction (joining the caller's, if any) that
 * inserts a ledger row and changes the cached balance by exactly its amount. Writes are
 * idempotent by key: a replay returns the first result and writes nothing.
 */
@Singleton
public class Wallets {
    static final String SYSTEM = "system";
    static final int MAX_REASON = 500;

    private final LedgerStore store;
    private final CreditCosts costs;
    private final CreditsConfiguration configuration;
    private final UserAccounts users;
    private final UniversityAdministration universities;
    private final AuditLog auditLog;
    private final PageReads reads;

    Wallets(
            LedgerStore store,
            CreditCosts costs,
            CreditsConfiguration configuration,
            UserAccounts users,
            UniversityAdministration universities,
            AuditLog auditLog,
            PageReads reads) {
        this.store = store;
        this.costs = costs;
        this.configuration = configuration;
        this.users = users;
        this.universities = universities;
        this.auditLog = auditLog;
        this.reads = reads;
    }

    /** The user's balances; zero when the user has no wallet yet. One indexed read. */
    public Balances balances(long universityId, long userId) {
        // The header and the home's balances panel show it on the same page: one read per request.
        return reads.readOnce(LedgerStore.balances(universityId, userId));
    }

    /** What {@link #balances} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<Balances> balancesRead(long universityId, long userId) {
        return LedgerStore.balances(universityId, userId);
    }

    /**
     * Credits students spent in the university since {@code since}: debits less their refunds, per
     * currency, summed by one statement (the staff home's weekly figure).
     */
    public Balances spentSince(long universityId, java.time.Instant since) {
        return reads.read(spentSinceRead(universityId, since));
    }

    /** What {@link #spentSince} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<Balances> spentSinceRead(long universityId, java.time.Instant since) {
        return LedgerStore.spentSinceRead(universityId, since);
    }

    /**
     * Page {@code page} (from 1) of the user's transactions, newest first: the page's entries and the
     * count of all, sent together unless a page sent them ahead ({@link #historyReads}).
     */
    public LedgerPage history(long universityId, long userId, int page) {
        int size = configuration.getHistoryPageSize();
        int current = com.careerai.platform.web.Paging.page(page);
        PageRead<List<LedgerEntry>> entries = entriesRead(universityId, userId, current, size);
        PageRead<Long> count = LedgerStore.countHistory(universityId, userId);
        reads.prefetch(List.of(entries, count));
        return new LedgerPage(reads.read(entries), current, size, reads.read(count));
    }

    /** What {@link #history} reads, for a page to read ahead with others (ADR 0076). */
    public List<PageRead<?>> historyReads(long universityId, long userId, int page) {
        int size = configuration.getHistoryPageSize();
        return List.of(
                entriesRead(universityId, userId, com.careerai.platform.web.Paging.page(page), size),
                LedgerStore.countHistory(universityId, userId));
    }

    private PageRead<List<LedgerEntry>> entriesRead(long universityId, long userId, int current, int size) {
        return store.history(universityId, userId, size, com.careerai.platform.web.Paging.offset(current, size));
    }

    /**
     * Opens the wallet of a user who just signed up. A student receives the university's
     * {@code default_silver}/{@code default_gold} as GRANT rows; staff and counsellors get an
     * empty wallet (they do not receive allowances). Idempotent.
     */
    @Transactional
    public void openWallet(long universityId, long userId, Role role) {
        store.openWallet(universityId, userId);
        if (role != Role.STUDENT) {
            return;
        }
        University university = universities
                .findById(universityId)
                .orElseThrow(() -> new IllegalArgumentException("no university " + universityId));
        Map<String, Object> metadata = Map.of(LedgerEntry.ACTOR, SYSTEM, LedgerEntry.REASON, "Welcome allowance");
        for (Currency currency : Currency.values()) {
            int allowance = currency == Currency.SILVER ? university.defaultSilver() : university.defaultGold();
            if (allowance > 0) {
                credit(
                        universityId,
                        userId,
                        currency,
                        allowance,
                        TransactionType.GRANT,
                        "signup:" + userId + ":" + currency,
                        metadata);
            }
        }
    }

    /**
     * Pays for run {@code runId} of {@code feature} in {@code currency} at its configured cost:
     * the ledger row and one conditional {@code UPDATE … WHERE balance >= cost}, sent as one
     * statement, in the caller's transaction when there is one (so a run and its debit commit
     * together). Keyed {@code debit:<runId>}.
     *
     * @throws InsufficientCreditsException when the balance does not cover the cost (the
     *     transaction is rolled back); it names the other currency when that one would do
     * @throws CreditOperationException for an unknown tool or a currency it does not take
     */
    @Transactional
    public LedgerEntry debit(long universityId, long userId, String feature, Currency currency, UUID runId) {
        int cost = costs.require(feature, currency);
        Optional<LedgerStore.Withdrawal> inserted =
                store.insertAndWithdraw(runDebit(universityId, userId, feature, currency, cost, runId));
        if (inserted.isEmpty()) {
            return earlierDebit(universityId, userId, feature, currency, cost, runId);
        }
        if (!inserted.get().covered()) {
            throw insufficient(universityId, userId, feature, currency, cost); // the row is rolled back
        }
        return inserted.get().entry();
    }

    /**
     * {@link #debit} for a caller that does not use the ledger row (a run start): the same statement,
     * outcomes and errors, but the row is neither returned by the database nor mapped (issue 19, the
     * debit path).
     */
    @Transactional
    public void payForRun(long universityId, long userId, String feature, Currency currency, UUID runId) {
        int cost = costs.require(feature, currency);
        Optional<Boolean> covered =
                store.insertAndWithdrawCovered(runDebit(universityId, userId, feature, currency, cost, runId));
        if (covered.isEmpty()) {
            earlierDebit(universityId, userId, feature, currency, cost, runId);
            return;
        }
        if (!covered.get()) {
            throw insufficient(universityId, userId, feature, currency, cost); // the row is rolled back
        }
    }

    /** No row inserted: the run's earlier debit (the same operation repeated), or no wallet at all. */
    private LedgerEntry earlierDebit(
            long universityId, long userId, String feature, Currency currency, int cost, UUID runId) {
        Optional<LedgerEntry> first = store.findByKey(universityId, "debit:" + runId);
        if (first.isPresent()) {
            return sameOperation(first.get(), userId, TransactionType.DEBIT, currency);
        }
        throw insufficient(universityId, userId, feature, currency, cost); // no wallet
    }

    private static NewEntry runDebit(
            long universityId, long userId, String feature, Currency currency, int cost, UUID runId) {
        return new NewEntry(
                universityId,
                userId,
                feature,
                currency,
                -cost,
                TransactionType.DEBIT,
                runId,
                "POSTED",
                Map.of(),
                "debit:" + runId);
    }

    /**
     * Pays {@code amount} for something that is not an AI tool (a counselling session): a DEBIT row
     * for {@code feature} whose {@code run_id} is the thing paid for, keyed {@code idempotencyKey}
     * (e.g. {@code appointment:<id>}), in the caller's transaction. A replay returns the first row.
     *
     * @throws InsufficientCreditsException when the balance does not cover the amount
     */
    @Transactional
    public LedgerEntry debitAmount(
            long universityId,
            long userId,
            String feature,
            Currency currency,
            int amount,
            UUID referenceId,
            String idempotencyKey) {
        requireAmount("amount", amount);
        Optional<LedgerStore.Withdrawal> inserted = store.insertAndWithdraw(new NewEntry(
                universityId,
                userId,
                feature,
                currency,
                -amount,
                TransactionType.DEBIT,
                referenceId,
                "POSTED",
                Map.of(),
                idempotencyKey));
        if (inserted.isEmpty()) {
            Optional<LedgerEntry> first = store.findByKey(universityId, idempotencyKey);
            if (first.isPresent()) {
                return sameOperation(first.get(), userId, TransactionType.DEBIT, currency);
            }
            throw new InsufficientCreditsException(
                    feature, currency, amount, balances(universityId, userId).of(currency), null);
        }
        if (!inserted.get().covered()) {
            throw new InsufficientCreditsException(
                    feature, currency, amount, balances(universityId, userId).of(currency), null);
        }
        return inserted.get().entry();
    }

    /**
     * Gives back exactly what the debit keyed {@code debitKey} took, once (keyed {@code refundKey},
     * e.g. {@code refund:appointment:<id>}). Empty when there was no such debit.
     */
    @Transactional
    public Optional<LedgerEntry> refundDebit(long universityId, String debitKey, String refundKey) {
        Optional<LedgerEntry> debit = store.findByKey(universityId, debitKey);
        if (debit.isEmpty() || debit.get().type() != TransactionType.DEBIT) {
            return Optional.empty();
        }
        LedgerEntry paid = debit.get();
        return Optional.of(credit(
                universityId,
                paid.userId(),
                paid.feature(),
                paid.currency(),
                -paid.amount(),
                TransactionType.REFUND,
                paid.runId(),
                refundKey,
                Map.of("debit", paid.id())));
    }

    /**
     * Gives back exactly what run {@code runId} was debited, once (keyed {@code refund:<runId>}).
     * Empty when the run was never debited; a replay returns the first refund.
     */
    @Transactional
    public Optional<LedgerEntry> refund(long universityId, UUID runId) {
        Optional<LedgerEntry> debit = store.findByKey(universityId, "debit:" + runId);
        if (debit.isEmpty()) {
            return Optional.empty();
        }
        LedgerEntry paid = debit.get();
        return Optional.of(credit(
                universityId,
                paid.userId(),
                paid.feature(),
                paid.currency(),
                -paid.amount(),
                TransactionType.REFUND,
                runId,
                "refund:" + runId,
                Map.of("debit", paid.id())));
    }

    /** Adds bought credits (billing), keyed by the payment event, e.g. {@code stripe:<event id>}. */
    @Transactional
    public LedgerEntry topUp(
            long universityId,
            long userId,
            Currency currency,
            int amount,
            String idempotencyKey,
            Map<String, ?> metadata) {
        requireAmount("amount", amount);
        requireUser(universityId, userId);
        store.openWallet(universityId, userId);
        return credit(universityId, userId, currency, amount, TransactionType.TOPUP, idempotencyKey, metadata);
    }

    /** Grants credits to one user (plan grants, staff grants); {@code actor} and {@code reason} are kept on the row. */
    @Transactional
    public LedgerEntry grant(
            long universityId,
            long userId,
            Currency currency,
            int amount,
            String idempotencyKey,
            String actor,
            String reason) {
        requireAmount("amount", amount);
        String why = requireReason(reason);
        requireUser(universityId, userId);
        store.openWallet(universityId, userId);
        return credit(
                universityId,
                userId,
                currency,
                amount,
                TransactionType.GRANT,
                idempotencyKey,
                Map.of(LedgerEntry.ACTOR, actor, LedgerEntry.REASON, why));
    }

    /**
     * Staff correct one student's balance by {@code delta} (either sign) with a reason, written to
     * the audit log. A negative delta larger than the balance is refused: balances never go
     * below zero.
     *
     * @throws UnknownStudentException when the student is not of this university (404)
     * @throws CreditOperationException for a zero or oversized delta, a missing reason, a
     *     non-student, or a delta that would take the balance below zero
     */
    @Transactional
    public LedgerEntry adjust(
            long universityId,
            SignedInUser staff,
            long studentId,
            Currency currency,
            int delta,
            String reason,
            String idempotencyKey) {
        if (staff.universityId() != universityId || !staff.isStaff()) {
            throw new IllegalArgumentException("only staff of university " + universityId + " adjust its wallets");
        }
        if (delta == 0) {
            throw new CreditOperationException(
                    CreditErrorCode.INVALID_AMOUNT, "delta", "Enter a change other than zero.");
        }
        requireAmount("delta", Math.abs(delta));
        String why = requireReason(reason);
        User student = requireUser(universityId, studentId);
        if (student.role() != Role.STUDENT) {
            throw new CreditOperationException(
                    CreditErrorCode.NOT_A_STUDENT, "student", "Only students' balances can be adjusted.");
        }
        store.openWallet(universityId, studentId);
        String actor = "user:" + staff.userId();
        Optional<LedgerEntry> inserted = store.insertIfAbsent(new NewEntry(
                universityId,
                studentId,
                null,
                currency,
                delta,
                TransactionType.ADJUSTMENT,
                null,
                "POSTED",
                Map.of(LedgerEntry.ACTOR, actor, LedgerEntry.REASON, why),
                idempotencyKey));
        if (inserted.isEmpty()) {
            return sameOperation(
                    store.findByKey(universityId, idempotencyKey).orElseThrow(),
                    studentId,
                    TransactionType.ADJUSTMENT,
                    currency);
        }
        if (delta > 0) {
            store.deposit(universityId, studentId, currency, delta);
        } else if (!store.withdraw(universityId, studentId, currency, -delta)) {
            throw new CreditOperationException(
                    CreditErrorCode.BALANCE_WOULD_GO_NEGATIVE,
                    "delta",
                    "The balance is " + balances(universityId, studentId).of(currency) + " " + currency.key()
                            + ": it cannot go below zero.");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("student", studentId);
        details.put("currency", currency.name());
        details.put("delta", delta);
        details.put("reason", why);
        details.put("transaction", inserted.get().id());
        auditLog.record(universityId, actor, "credits.adjusted", details);
        return inserted.get();
    }

    /**
     * Takes back up to {@code amount} bought credits after a payment refund (billing's
     * {@code charge.refunded}), never below zero: what was already spent stays spent and is
     * reported as {@code unreversed}. Keyed by the payment event; a replay returns the first result.
     */
    @Transactional
    public Reversal reverse(
            long universityId,
            long userId,
            Currency currency,
            int amount,
            String idempotencyKey,
            Map<String, ?> metadata) {
        requireAmount("amount", amount);
        Optional<LedgerEntry> first = store.findByKey(universityId, idempotencyKey);
        if (first.isPresent()) {
            return reversalOf(sameOperation(first.get(), userId, TransactionType.REVERSAL, currency));
        }
        requireUser(universityId, userId);
        store.openWallet(universityId, userId);
        long balance = store.lockBalance(universityId, userId, currency).orElseThrow();
        int reversible = (int) Math.min(amount, balance);
        Map<String, Object> details = new HashMap<String, Object>(metadata);
        details.put("requested", amount);
        details.put("unreversed", amount - reversible);
        Optional<LedgerEntry> inserted = store.insertIfAbsent(new NewEntry(
                universityId,
                userId,
                null,
                currency,
                -reversible,
                TransactionType.REVERSAL,
                null,
                reversible < amount ? "PARTIAL" : "POSTED",
                details,
                idempotencyKey));
        if (inserted.isEmpty()) {
            return reversalOf(sameOperation(
                    store.findByKey(universityId, idempotencyKey).orElseThrow(),
                    userId,
                    TransactionType.REVERSAL,
                    currency));
        }
        if (reversible > 0 && !store.withdraw(universityId, userId, currency, reversible)) {
            throw new IllegalStateException("locked balance changed during a reversal");
        }
        return new Reversal(inserted.get(), reversible, amount - reversible);
    }

    private LedgerEntry credit(
            long universityId,
            long userId,
            Currency currency,
            int amount,
            TransactionType type,
            String key,
            Map<String, ?> metadata) {
        return credit(universityId, userId, null, currency, amount, type, null, key, metadata);
    }

    /** Inserts a positive row and adds it to the balance, unless the key was used (then returns the first row). */
    private LedgerEntry credit(
            long universityId,
            long userId,
            String feature,
            Currency currency,
            int amount,
            TransactionType type,
            UUID runId,
            String key,
            Map<String, ?> metadata) {
        Optional<LedgerEntry> inserted = store.insertIfAbsent(
                new NewEntry(universityId, userId, feature, currency, amount, type, runId, "POSTED", metadata, key));
        if (inserted.isEmpty()) {
            return sameOperation(
                    store.findByKey(universityId, key)
                            .orElseThrow(() -> new IllegalStateException("no wallet for user " + userId)),
                    userId,
                    type,
                    currency);
        }
        store.deposit(universityId, userId, currency, amount);
        return inserted.get();
    }

    private InsufficientCreditsException insufficient(
            long universityId, long userId, String feature, Currency currency, int cost) {
        Balances balances = balances(universityId, userId);
        Currency other = currency.other();
        InsufficientCreditsException.Alternative alternative = costs.cost(feature, other).stream()
                .filter(otherCost -> balances.of(other) >= otherCost)
                .mapToObj(otherCost -> new InsufficientCreditsException.Alternative(other, otherCost))
                .findFirst()
                .orElse(null);
        return new InsufficientCreditsException(feature, currency, cost, balances.of(currency), alternative);
    }

    private static LedgerEntry sameOperation(LedgerEntry first, long userId, TransactionType type, Currency currency) {
        if (first.userId() != userId || first.type() != type || first.currency() != currency) {
            throw new CreditOperationException(
                    CreditErrorCode.KEY_REUSED,
                    "idempotencyKey",
                    "This idempotency key was already used for a different operation.");
        }
        return first;
    }

    private static Reversal reversalOf(LedgerEntry entry) {
        int unreversed = ((Number) entry.metadata().getOrDefault("unreversed", 0)).intValue();
        return new Reversal(entry, -entry.amount(), unreversed);
    }

    private User requireUser(long universityId, long userId) {
        return users.find(universityId, userId).orElseThrow(UnknownStudentException::new);
    }

    private void requireAmount(String field, int amount) {
        if (amount <= 0) {
            throw new CreditOperationException(
                    CreditErrorCode.INVALID_AMOUNT, field, "Enter a whole number greater than zero.");
        }
        if (amount > configuration.getMaxAmount()) {
            throw new CreditOperationException(
                    CreditErrorCode.INVALID_AMOUNT,
                    field,
                    "Enter at most " + configuration.getMaxAmount() + " credits at a time.");
        }
    }

    static String requireReason(String reason) {
        String trimmed = reason == null ? "" : reason.trim();
        if (trimmed.isEmpty()) {
            throw new CreditOperationException(CreditErrorCode.MISSING_REASON, "reason", "Give a reason.");
        }
        if (trimmed.length() > MAX_REASON) {
            throw new CreditOperationException(
                    CreditErrorCode.MISSING_REASON, "reason", "Keep the reason under " + MAX_REASON + " characters.");
        }
        return trimmed;
    }
}
