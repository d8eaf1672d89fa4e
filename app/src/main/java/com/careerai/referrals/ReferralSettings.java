package com.careerai.referrals;

import com.careerai.credits.Currency;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A university's referral rules; {@link #DEFAULTS} until staff change them: 5 silver credits to
 * each side, held 14 days, at most 10 rewarded referrals per referrer per month, and a sign-up from
 * the address the referrer used in the last 24 hours held for staff review.
 */
@Serdeable
record ReferralSettings(
        boolean enabled,
        Currency currency,
        int referrerAmount,
        int refereeAmount,
        int holdDays,
        int monthlyCap,
        int addressWindowHours) {

    static final ReferralSettings DEFAULTS = new ReferralSettings(true, Currency.SILVER, 5, 5, 14, 10, 24);
}
