package com.careerai.credits;

/** Why a credit operation was refused; stable values for API clients and logs. */
public enum CreditErrorCode {
    /** The wallet holds less than the tool costs in the chosen currency. */
    NOT_ENOUGH_CREDITS,
    /** The tool is not configured (no cost under {@code careerai.credits.costs}). */
    UNKNOWN_FEATURE,
    /** The tool cannot be paid for in this currency. */
    CURRENCY_NOT_OFFERED,
    /** Zero, negative where not allowed, or above the configured maximum. */
    INVALID_AMOUNT,
    /** Staff actions need a reason (at most 500 characters). */
    MISSING_REASON,
    /** A negative adjustment larger than the balance: balances never go below zero. */
    BALANCE_WOULD_GO_NEGATIVE,
    /** Staff can adjust and grant only to students. */
    NOT_A_STUDENT,
    /** An idempotency key already used by a different operation. */
    KEY_REUSED
}
