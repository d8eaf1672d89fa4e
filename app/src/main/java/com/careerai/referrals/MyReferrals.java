package com.careerai.referrals;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a student sees of the programme: their code and link, who joined, and every reward's state. */
@Singleton
class MyReferrals {
    static final int LISTED = 100;

    /** One friend who joined; only their first name is shown to the referrer. */
    @Serdeable
    record Referee(
            long referralId,
            String name,
            Instant joinedAt,
            String status,
            String currency,
            int reward,
            Instant holdUntil,
            @Nullable Instant releasedAt) {}

    /** The reward of a student who joined through someone's link. */
    @Serdeable
    record Welcome(String status, String currency, int reward, Instant holdUntil, @Nullable Instant releasedAt) {}

    @Serdeable
    record Totals(long pending, long released, long cancelled) {}

    @Serdeable
    record View(
            String code,
            String link,
            String currency,
            int rewardEachSide,
            int holdDays,
            boolean enabled,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<Referee> referees, // [] when nobody joined yet
            Totals rewards,
            @Nullable Welcome joinedThrough) {}

    private final Referrals referrals;
    private final ReferralStore store;
    private final UserAccounts users;
    private final TransactionOperations<Connection> transactions;

    MyReferrals(
            Referrals referrals,
            ReferralStore store,
            UserAccounts users,
            TransactionOperations<Connection> transactions) {
        this.referrals = referrals;
        this.store = store;
        this.users = users;
        this.transactions = transactions;
    }

    View of(long universityId, String subdomain, long userId) {
        ReferralStore.Code code = referrals.codeFor(universityId, userId);
        return transactions.executeRead(status -> {
            ReferralSettings settings = store.settings(universityId);
            List<Referral> mine = store.ofReferrer(universityId, userId, LISTED);
            Map<Long, String> names = new HashMap<>();
            for (User user : users.findAll(
                    universityId, mine.stream().map(Referral::refereeId).toList())) {
                names.put(user.id(), firstName(user));
            }
            long pending = 0;
            long released = 0;
            long cancelled = 0;
            for (Referral referral : mine) {
                switch (referral.status()) {
                    case HELD, REVIEW -> pending += referral.referrerAmount();
                    case RELEASED -> released += referral.referrerAmount();
                    case CANCELLED, REVERSED -> cancelled += referral.referrerAmount();
                    default -> {}
                }
            }
            Welcome welcome = store.ofReferee(universityId, userId)
                    .map(referral -> new Welcome(
                            referral.status().name(),
                            referral.currency().name(),
                            referral.refereeAmount(),
                            referral.holdUntil(),
                            referral.releasedAt()))
                    .orElse(null);
            return new View(
                    code.code(),
                    referrals.linkOf(subdomain, code.code()),
                    settings.currency().name(),
                    settings.referrerAmount(),
                    settings.holdDays(),
                    settings.enabled(),
                    mine.stream()
                            .map(referral -> new Referee(
                                    referral.id(),
                                    names.getOrDefault(referral.refereeId(), "A friend"),
                                    referral.createdAt(),
                                    referral.status().name(),
                                    referral.currency().name(),
                                    referral.referrerAmount(),
                                    referral.holdUntil(),
                                    referral.releasedAt()))
                            .toList(),
                    new Totals(pending, released, cancelled),
                    welcome);
        });
    }

    private static String firstName(User user) {
        String name = user.name();
        if (name == null || name.isBlank()) {
            return "A friend";
        }
        return name.strip().split("\\s+")[0];
    }
}
