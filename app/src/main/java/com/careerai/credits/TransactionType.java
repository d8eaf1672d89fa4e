package com.careerai.credits;

/** What a ledger row records; the sign of its amount follows from it (checked by the database). */
public enum TransactionType {
    /** Credits given: the sign-up allowance, staff grants, the monthly refill (positive). */
    GRANT,
    /** A tool run paid for (negative), keyed {@code debit:<runId>}. */
    DEBIT,
    /** A failed run's debit given back (positive), keyed {@code refund:<runId>}. */
    REFUND,
    /** Credits bought (positive), keyed by the payment event. */
    TOPUP,
    /** A staff correction of one student's balance, with a reason (either sign). */
    ADJUSTMENT,
    /** Bought credits taken back after a payment refund, never below zero (negative or zero). */
    REVERSAL
}
