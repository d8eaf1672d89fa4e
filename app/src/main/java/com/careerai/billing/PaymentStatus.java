package com.careerai.billing;

/** Where a payment stands. Credits were given for PAID and the refunded states only. */
public enum PaymentStatus {
    /** Checkout started; waiting for Stripe to confirm the payment. */
    PENDING,
    /** Confirmed by Stripe's webhook; the credits are in the wallet. */
    PAID,
    /** The payment (an async method or a renewal) failed. */
    FAILED,
    /** The student left the checkout and it expired; nothing was charged. */
    EXPIRED,
    /** Refunded in full; the unspent credits were taken back. */
    REFUNDED,
    /** Part of the payment was refunded. */
    PARTIALLY_REFUNDED;

    /** Whether the payment's credits were given. */
    public boolean credited() {
        return this == PAID || this == REFUNDED || this == PARTIALLY_REFUNDED;
    }

    /** Whether Stripe may still confirm it. */
    boolean open() {
        return this == PENDING || this == FAILED || this == EXPIRED;
    }
}
