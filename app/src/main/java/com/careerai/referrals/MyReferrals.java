package com.careerai.referrals;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
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
            long signUps, // every friend who joined; referees lists the newest 100
            Totals rewards,
            @Nullable Welcome joinedThrough) {}

    private final Referrals referrals;
    private final UserAccounts users;
    private final PageReads reads;

    MyReferrals(Referrals referrals, UserAccounts users, PageReads reads) {
        this.referrals = referrals;
        this.users = users;
        this.reads = reads;
    }

    /**
     * What {@link #of} reads, for a page to send ahead with the layout's in one round trip (ADR 0076): the
     * code, the settings, the newest referrals listed, every referral's totals and the student's own.
     */
    List<PageRead<?>> reads(long universityId, long userId) {
        return List.of(
                ReferralStore.codeRead(universityId, userId),
                ReferralStore.settingsRead(universityId),
                ReferralStore.ofReferrerRead(universityId, userId, LISTED),
                ReferralStore.totalsOfReferrerRead(universityId, userId),
                ReferralStore.ofRefereeRead(universityId, userId));
    }

    /**
     * The student's view: its five reads in one round trip without a transaction (none when the page sent
     * them ahead), the listed friends' names in one statement, and a write only on the first visit (the
     * code is made then). The totals count every referral, not only the {@value #LISTED} listed.
     */
    View of(long universityId, String subdomain, long userId) {
        reads.prefetch(reads(universityId, userId));
        ReferralStore.Code code = reads.read(ReferralStore.codeRead(universityId, userId))
                .orElseGet(() -> referrals.codeFor(universityId, userId));
        ReferralSettings settings = reads.read(ReferralStore.settingsRead(universityId));
        List<Referral> mine = reads.read(ReferralStore.ofReferrerRead(universityId, userId, LISTED));
        Map<Long, User> referees = mine.isEmpty()
                ? Map.of()
                : users.findAllOnce(
                        universityId, mine.stream().map(Referral::refereeId).toList());
        long signUps = 0;
        long pending = 0;
        long released = 0;
        long cancelled = 0;
        for (ReferralStore.StatusTotal total : reads.read(ReferralStore.totalsOfReferrerRead(universityId, userId))) {
            signUps += total.count();
            switch (total.status()) {
                case HELD, REVIEW -> pending += total.amount();
                case RELEASED -> released += total.amount();
                case CANCELLED, REVERSED -> cancelled += total.amount();
                default -> {}
            }
        }
        Welcome welcome = reads.read(ReferralStore.ofRefereeRead(universityId, userId))
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
                                firstName(referees.get(referral.refereeId())),
                                referral.createdAt(),
                                referral.status().name(),
                                referral.currency().name(),
                                referral.referrerAmount(),
                                referral.holdUntil(),
                                referral.releasedAt()))
                        .toList(),
                signUps,
                new Totals(pending, released, cancelled),
                welcome);
    }

    /**
     * {@link #of} for a student asking from {@code address}, which is remembered ({@link Referrals#seen}):
     * nothing is written while the code's row, as the view read it, already holds that address from within
     * the last minute.
     */
    View seenFrom(long universityId, String subdomain, long userId, @Nullable String address) {
        View view = of(universityId, subdomain, userId);
        ReferralStore.Code read = reads.kept(ReferralStore.codeRead(universityId, userId))
                .flatMap(code -> code)
                .orElse(null);
        referrals.seen(universityId, userId, address, read);
        return view;
    }

    private static String firstName(@Nullable User user) {
        String name = user == null ? null : user.name();
        if (name == null || name.isBlank()) {
            return "A friend";
        }
        return name.strip().split("\\s+")[0];
    }
}
