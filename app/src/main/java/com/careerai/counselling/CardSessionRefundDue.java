package com.careerai.counselling;

import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/**
 * A card-paid appointment was cancelled with a refund (the counselling policy), a no-show dispute
 * was upheld with a refund, or a payment landed on a released slot: its charge is to be refunded
 * through Stripe (transfer reversed, platform fee refunded in proportion). Recorded in the outbox
 * by the deciding transaction, so the refund happens at least once, after commit, and — keyed by
 * {@code decision} at Stripe — at most once.
 */
@Serdeable
public record CardSessionRefundDue(long universityId, UUID appointmentId, String decision) {}
