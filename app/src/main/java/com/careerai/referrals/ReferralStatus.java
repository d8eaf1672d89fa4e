package com.careerai.referrals;

/** Where a referral's reward stands. */
enum ReferralStatus {
    /** Waiting out the hold; released by the recurring job when it ends. */
    HELD,
    /** Suspicious (e.g. the referrer's own address): waits for staff to approve or reject. */
    REVIEW,
    /** Both sides were granted their credits. */
    RELEASED,
    /** Cancelled before release (refund of the referee's first purchase, or staff found abuse). */
    CANCELLED,
    /** Cancelled after release: the grants were taken back as far as the balances allowed. */
    REVERSED,
    /** Never rewarded: a self-referral. */
    REFUSED,
    /** Never rewarded: the referrer had reached the monthly cap. */
    CAPPED;

    boolean pending() {
        return this == HELD || this == REVIEW;
    }
}
