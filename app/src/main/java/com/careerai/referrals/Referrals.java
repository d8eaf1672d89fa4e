package com.careerai.referrals;

import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.credits.Wallets;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.config.CareerAiConfiguration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The referral programme of a university: codes and links, recording a sign-up through a link
 * with its anti-abuse checks, and the reward's life — held, released as GRANT ledger rows once the
 * hold is over, cancelled before release or reversed after it (never below zero). Money moves only
 * through {@link Wallets}; the hold itself lives in {@code referrals} (ADR 0022).
 */
@Singleton
class Referrals {
    static final String SYSTEM = "system";
    static final String REFERRER = "referrer";
    static final String REFEREE = "referee";

    private static final Logger LOG = LoggerFactory.getLogger(Referrals.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RELEASE_BATCH = 200;
    /** How long the same address asking again leaves the kept time as it is. */
    static final Duration SEEN_REFRESH = Duration.ofMinutes(1);

    private final ReferralStore store;
    private final UserAccounts users;
    private final Wallets wallets;
    private final AuditLog auditLog;
    private final CareerAiConfiguration configuration;
    private final ReleaseSchedule schedule;
    private final TransactionOperations<Connection> transactions;

    Referrals(
            ReferralStore store,
            UserAccounts users,
            Wallets wallets,
            AuditLog auditLog,
            CareerAiConfiguration configuration,
            ReleaseSchedule schedule,
            TransactionOperations<Connection> transactions) {
        this.store = store;
        this.users = users;
        this.wallets = wallets;
        this.auditLog = auditLog;
        this.configuration = configuration;
        this.schedule = schedule;
        this.transactions = transactions;
    }

    /** The user's code, made on first use (8 letters and digits without look-alikes). */
    ReferralStore.Code codeFor(long universityId, long userId) {
        return transactions.executeWrite(status -> {
            Optional<ReferralStore.Code> existing = store.codeOf(universityId, userId);
            if (existing.isPresent()) {
                return existing.get();
            }
            for (int attempt = 0; attempt < 10; attempt++) {
                if (store.insertCode(universityId, userId, newCode())) {
                    break;
                }
            }
            return store.codeOf(universityId, userId)
                    .orElseThrow(() -> new IllegalStateException("no referral code could be made"));
        });
    }

    /** {@code https://<uni>.BASE/join?ref=CODE}, from the configured site address. */
    String linkOf(String subdomain, String code) {
        return configuration.siteUrlOf(subdomain) + "/join?ref=" + code;
    }

    /**
     * Remembers the address the user asked for their link from (a sign-up from it soon after is suspect):
     * one statement in auto-commit, a round trip, where a transaction around it took two. The same address
     * again within {@link #SEEN_REFRESH} writes nothing: the time kept is then at most a minute early, against
     * a review window of hours.
     */
    @Connectable
    void seen(long universityId, long userId, @Nullable String address) {
        seen(universityId, userId, address, null);
    }

    /**
     * As {@link #seen(long, long, String)}, given the user's code row as this request read it: when it already
     * holds this address from within {@link #SEEN_REFRESH}, no statement is sent at all.
     */
    @Connectable
    void seen(long universityId, long userId, @Nullable String address, @Nullable ReferralStore.Code read) {
        if (address == null) {
            return;
        }
        Instant now = Instant.now();
        boolean fresh = read != null
                && address.equals(read.lastAddress())
                && read.lastSeenAt() != null
                && read.lastSeenAt().isAfter(now.minus(SEEN_REFRESH));
        if (!fresh) {
            store.seen(universityId, userId, address, now, SEEN_REFRESH);
        }
    }

    /** Whether {@code code} is a code of this university (codes of others do nothing here). */
    boolean known(long universityId, String code) {
        return isWellFormed(code)
                && transactions
                        .executeRead(status -> store.byCode(universityId, code))
                        .isPresent();
    }

    static boolean isWellFormed(@Nullable String code) {
        return code != null && code.matches("[A-Z2-9]{8}");
    }

    /** The referral that brought {@code refereeId}, if any. */
    Optional<Referral> ofReferee(long universityId, long refereeId) {
        return transactions.executeRead(status -> store.ofReferee(universityId, refereeId));
    }

    ReferralSettings settings(long universityId) {
        return transactions.executeRead(status -> store.settings(universityId));
    }

    /**
     * Records that {@code refereeId} signed up (verified) through {@code code}; runs in the
     * sign-up's transaction. A self-referral is refused, the referrer's monthly cap caps it, a
     * sign-up from the referrer's own recent address waits for staff review; otherwise the reward
     * is held until the hold ends. A second referral of the same referee is ignored.
     */
    Optional<Referral> recordSignUp(
            long universityId, long refereeId, String code, @Nullable String address, Instant now) {
        return transactions.executeWrite(status -> {
            ReferralSettings settings = store.settings(universityId);
            if (!settings.enabled() || !isWellFormed(code)) {
                return Optional.<Referral>empty();
            }
            Optional<ReferralStore.Code> owner = store.byCode(universityId, code);
            if (owner.isEmpty() || owner.get().userId() == refereeId) {
                return Optional.<Referral>empty();
            }
            User referrer = users.find(universityId, owner.get().userId()).orElseThrow();
            User referee = users.find(universityId, refereeId).orElseThrow();
            ReferralStatus verdict = ReferralStatus.HELD;
            String flag = null;
            Instant monthStart = YearMonth.from(now.atOffset(ZoneOffset.UTC))
                    .atDay(1)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
            if (SameAddress.same(referrer.email(), referee.email())) {
                verdict = ReferralStatus.REFUSED;
                flag = "Self-referral: the same mailbox as the referrer (" + SameAddress.mailbox(referee.email()) + ")";
            } else if (store.countRewardedSince(universityId, referrer.id(), monthStart) >= settings.monthlyCap()) {
                verdict = ReferralStatus.CAPPED;
                flag = "The referrer reached this month's cap of " + settings.monthlyCap() + " rewarded referrals";
            } else if (address != null
                    && address.equals(owner.get().lastAddress())
                    && owner.get().lastSeenAt() != null
                    && owner.get()
                            .lastSeenAt()
                            .plus(Duration.ofHours(settings.addressWindowHours()))
                            .isAfter(now)) {
                verdict = ReferralStatus.REVIEW;
                flag = "Signed up from the address the referrer used within " + settings.addressWindowHours()
                        + " hours (" + address + ")";
            }
            Optional<Referral> recorded = store.insert(
                    universityId,
                    referrer.id(),
                    refereeId,
                    verdict,
                    flag,
                    settings,
                    now.plus(Duration.ofDays(settings.holdDays())),
                    address,
                    now);
            if (recorded.isPresent() && verdict.pending()) {
                schedule.ensure(universityId);
            }
            return recorded;
        });
    }

    /** Releases every held reward whose hold ended by {@code now}, each in its own transaction. */
    int releaseDue(long universityId, Instant now) {
        int released = 0;
        List<Long> due;
        do {
            due = transactions.executeRead(status -> store.due(universityId, now, RELEASE_BATCH));
            for (long id : due) {
                if (release(universityId, id, now)) {
                    released++;
                }
            }
        } while (due.size() == RELEASE_BATCH);
        return released;
    }

    private boolean release(long universityId, long id, Instant now) {
        return transactions.executeWrite(status -> {
            Referral referral = store.lock(universityId, id).orElseThrow();
            if (referral.status() != ReferralStatus.HELD || referral.holdUntil().isAfter(now)) {
                return false;
            }
            grant(referral, referral.referrerId(), referral.referrerAmount(), REFERRER);
            grant(referral, referral.refereeId(), referral.refereeAmount(), REFEREE);
            store.setStatus(universityId, id, ReferralStatus.RELEASED, null, null, now);
            return true;
        });
    }

    private void grant(Referral referral, long userId, int amount, String side) {
        if (amount > 0) {
            wallets.grant(
                    referral.universityId(),
                    userId,
                    referral.currency(),
                    amount,
                    referral.grantKey(side),
                    SYSTEM,
                    side.equals(REFERRER)
                            ? "Referral reward: a friend you invited joined"
                            : "Welcome reward: you joined through a friend's link");
        }
    }

    /**
     * Ends a referral's reward: a pending one is cancelled, a released one reversed on both sides
     * (as much as each balance allows; the rest is recorded as unreversed). Anything else is left.
     */
    Optional<Referral> cancel(long universityId, long id, String actor, String reason) {
        return transactions.executeWrite(status -> {
            Optional<Referral> found = store.lock(universityId, id);
            if (found.isEmpty()) {
                return Optional.<Referral>empty();
            }
            Referral referral = found.get();
            Instant now = Instant.now();
            if (referral.status().pending()) {
                store.setStatus(universityId, id, ReferralStatus.CANCELLED, actor, reason, now);
            } else if (referral.status() == ReferralStatus.RELEASED) {
                reverse(referral, referral.referrerId(), referral.referrerAmount(), REFERRER, reason);
                reverse(referral, referral.refereeId(), referral.refereeAmount(), REFEREE, reason);
                store.setStatus(universityId, id, ReferralStatus.REVERSED, actor, reason, now);
            }
            return store.lock(universityId, id);
        });
    }

    private void reverse(Referral referral, long userId, int amount, String side, String reason) {
        if (amount > 0) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("referral", referral.id());
            metadata.put("reason", reason);
            wallets.reverse(
                    referral.universityId(), userId, referral.currency(), amount, referral.reversalKey(side), metadata);
        }
    }

    /** Staff change the university's referral rules; audited with the rules before and after. */
    void changeSettings(long universityId, SignedInUser staff, ReferralSettings settings) {
        transactions.executeWrite(status -> {
            ReferralSettings before = store.settings(universityId);
            String actor = "user:" + staff.userId();
            store.saveSettings(universityId, settings, actor);
            auditLog.record(
                    universityId,
                    actor,
                    "referrals.settings.changed",
                    Map.of("before", describe(before), "after", describe(settings)));
            return null;
        });
    }

    private static String describe(ReferralSettings settings) {
        return (settings.enabled() ? "on" : "off") + ", " + settings.referrerAmount() + "+" + settings.refereeAmount()
                + " " + settings.currency().name().toLowerCase(java.util.Locale.ROOT) + ", held " + settings.holdDays()
                + " days, cap " + settings.monthlyCap() + "/month, review window " + settings.addressWindowHours()
                + " h";
    }

    /** Staff approve a referral held for review: its reward waits out the hold like any other. */
    Optional<Referral> approve(long universityId, SignedInUser staff, long id) {
        return transactions.executeWrite(status -> {
            Optional<Referral> found = store.lock(universityId, id);
            if (found.isEmpty() || found.get().status() != ReferralStatus.REVIEW) {
                return found;
            }
            String actor = "user:" + staff.userId();
            store.setStatus(universityId, id, ReferralStatus.HELD, actor, null, Instant.now());
            auditLog.record(
                    universityId,
                    actor,
                    "referrals.approved",
                    Map.of(
                            "referral",
                            id,
                            "before",
                            "REVIEW",
                            "after",
                            "HELD",
                            "flag",
                            String.valueOf(found.get().flag())));
            schedule.ensure(universityId);
            return store.lock(universityId, id);
        });
    }

    /** Staff reject a referral as abusive: cancelled if pending, reversed if released (audited). */
    Optional<Referral> reject(long universityId, SignedInUser staff, long id, String reason) {
        return transactions.executeWrite(status -> {
            Optional<Referral> before = store.lock(universityId, id);
            if (before.isEmpty()) {
                return before;
            }
            String actor = "user:" + staff.userId();
            Optional<Referral> after = cancel(universityId, id, actor, reason);
            if (after.isPresent() && after.get().status() != before.get().status()) {
                auditLog.record(
                        universityId,
                        actor,
                        "referrals.rejected",
                        Map.of(
                                "referral",
                                id,
                                "before",
                                before.get().status().name(),
                                "after",
                                after.get().status().name(),
                                "reason",
                                reason));
            }
            return after;
        });
    }

    /** Billing confirmed a payment: the first one of a referee is the one whose refund cancels the reward. */
    void paymentConfirmed(long universityId, long userId, java.util.UUID paymentId) {
        transactions.executeWrite(status -> store.rememberFirstPayment(universityId, userId, paymentId));
    }

    /** Billing refunded a payment: when it is the referee's first, the referral's reward ends. */
    void paymentRefunded(long universityId, long userId, java.util.UUID paymentId) {
        transactions.executeWrite(status -> {
            store.ofReferee(universityId, userId)
                    .filter(referral -> paymentId.equals(referral.firstPaymentId()))
                    .ifPresent(referral -> {
                        LOG.info(
                                "Referral {} of university {} ends: the referee's first purchase was refunded",
                                referral.id(),
                                universityId);
                        cancel(universityId, referral.id(), SYSTEM, "The referee's first purchase was refunded");
                    });
            return null;
        });
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
