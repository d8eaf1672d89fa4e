package com.careerai.referrals;

import com.careerai.credits.Currency;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/** One sign-up through a referral link and its reward for both sides. */
record Referral(
        long universityId,
        long id,
        long referrerId,
        long refereeId,
        ReferralStatus status,
        @Nullable String flag,
        Currency currency,
        int referrerAmount,
        int refereeAmount,
        Instant holdUntil,
        @Nullable UUID firstPaymentId,
        @Nullable String decidedBy,
        @Nullable Instant releasedAt,
        @Nullable Instant endedAt,
        @Nullable String endReason,
        Instant createdAt) {

    String grantKey(String side) {
        return "referral:" + id + ":" + side;
    }

    String reversalKey(String side) {
        return "referral:" + id + ":reverse:" + side;
    }
}
