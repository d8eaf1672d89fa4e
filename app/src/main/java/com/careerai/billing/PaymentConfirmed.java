package com.careerai.billing;

import java.util.UUID;

/**
 * Stripe confirmed a payment and its credits were given (published inside the webhook's
 * transaction; listen with {@code @TransactionalEventListener} to act once it committed).
 */
public record PaymentConfirmed(long universityId, long userId, UUID paymentId) {}
