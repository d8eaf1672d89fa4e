package com.careerai.billing;

import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/**
 * Stripe refunded (part of) a payment. Recorded in the outbox by the webhook's transaction, once
 * per refunded total; {@code full} when nothing of it is left.
 */
@Serdeable
public record PaymentRefunded(long universityId, long userId, UUID paymentId, boolean full) {}
