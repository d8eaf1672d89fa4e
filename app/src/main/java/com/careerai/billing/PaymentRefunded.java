package com.careerai.billing;

import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/**
 * Stripe refunded (part of) a confirmed payment and its credits were taken back as far as they
 * could be. Recorded in the outbox by the webhook's transaction, once per refunded amount:
 * implement {@code OutboxListener<PaymentRefunded>} to act on it (idempotently); {@code full} when
 * nothing of the payment is left.
 */
@Serdeable
public record PaymentRefunded(long universityId, long userId, UUID paymentId, boolean full) {}
