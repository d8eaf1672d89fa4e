package com.careerai.counselling;

/** How an appointment was paid: nothing, gold credits (ledger key {@code appointment:<id>}), or a plan session. */
enum Payment {
    FREE,
    GOLD,
    PLAN
}
