package com.careerai.billing;

import io.micronaut.core.annotation.Nullable;

/**
 * What became of one webhook event; recorded on its {@code stripe_events} row.
 *
 * @param universityId the university it was applied to (only once the student was verified)
 */
record EventOutcome(Kind kind, String detail, @Nullable Long universityId, @Nullable Long userId) {

    /** How an event ended. */
    enum Kind {
        /** Applied. */
        PROCESSED,
        /** Not for CareerAI (an event type or object it does not handle); nothing changed. */
        IGNORED,
        /** For CareerAI but refused (e.g. a user not of the named university); nothing changed. */
        REJECTED,
        /** Delivered before; nothing changed this time. */
        DUPLICATE,
        /** A refund of a payment not recorded yet: kept, and applied when the payment is recorded. */
        PARKED,
        /** Applying it failed {@link StripeWebhooks#MAX_ATTEMPTS} times: answered 200, kept for a replay. */
        FAILED
    }

    static EventOutcome processed(Owner owner, String detail) {
        return new EventOutcome(Kind.PROCESSED, detail, owner.universityId(), owner.userId());
    }

    static EventOutcome ignored(String detail) {
        return new EventOutcome(Kind.IGNORED, detail, null, null);
    }

    static EventOutcome rejected(String detail) {
        return new EventOutcome(Kind.REJECTED, detail, null, null);
    }

    static EventOutcome parked(String detail) {
        return new EventOutcome(Kind.PARKED, detail, null, null);
    }

    static EventOutcome failed(String detail) {
        return new EventOutcome(Kind.FAILED, detail, null, null);
    }

    static EventOutcome duplicate() {
        return new EventOutcome(Kind.DUPLICATE, "delivered before", null, null);
    }

    /** The student an event is for. */
    record Owner(long universityId, long userId) {}
}
