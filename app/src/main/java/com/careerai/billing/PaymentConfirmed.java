package com.careerai.billing;

import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/**
 * Stripe confirmed a payment and its credits were given. Recorded in the outbox by the webhook's
 * transaction: implement {@code OutboxListener<PaymentConfirmed>} to act on it (at least once,
 * after commit; be idempotent by event id).
 */
@Serdeable
public record PaymentConfirmed(long universityId, long userId, UUID paymentId) {}
