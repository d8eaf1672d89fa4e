package com.careerai.billing;

import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/**
 * Stripe's hosted checkout of a still-pending payment expired unpaid (the student abandoned it):
 * the payment is EXPIRED. Recorded in the outbox by the webhook's transaction; a feature that held
 * something for the payment (a course place) implements {@code OutboxListener<CheckoutExpired>} to
 * release it (idempotently).
 */
@Serdeable
public record CheckoutExpired(long universityId, long userId, UUID paymentId) {}
