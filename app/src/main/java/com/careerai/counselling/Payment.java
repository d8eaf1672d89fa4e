package com.careerai.counselling;

/**
 * How an appointment was paid: nothing, gold credits (ledger key {@code appointment:<id>}), a plan
 * session, or by card to a paid expert (Stripe Connect; see {@link PaidSessions}).
 */
enum Payment {
    FREE,
    GOLD,
    PLAN,
    CARD
}
