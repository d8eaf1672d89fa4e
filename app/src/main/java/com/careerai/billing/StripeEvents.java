package com.careerai.billing;

import com.careerai.platform.data.UnitOfWork;
import com.careerai.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recorded Stripe webhook events, for operators ({@code tenant-admin stripe-events}): the
 * newest, the ones that failed, and replaying one that failed once its cause is fixed. Reads
 * {@code stripe_events} across universities (a platform table; failed events have none yet).
 */
@Singleton
public class StripeEvents {
    private static final Logger LOG = LoggerFactory.getLogger(StripeEvents.class);

    /** One recorded event. */
    public record Recorded(
            String id,
            String type,
            Instant receivedAt,
            String outcome,
            int attempts,
            @Nullable String lastError,
            @Nullable Instant lastAttemptAt,
            @Nullable String detail,
            @Nullable Long universityId) {}

    /** What a replay did: the outcome (PROCESSED, IGNORED, REJECTED, PARKED) and its detail. */
    public record Replayed(String id, String outcome, String detail) {}

    /** A replay refused or failed again; the event stays FAILED (with one more attempt counted). */
    public static final class ReplayException extends ProblemException {
        private static final long serialVersionUID = 1L;

        ReplayException(String message) {
            super(HttpStatus.CONFLICT, "replay_refused", message);
        }
    }

    private final StripeEventStore store;
    private final StripeEventProcessor processor;
    private final UnitOfWork units;

    StripeEvents(StripeEventStore store, StripeEventProcessor processor, UnitOfWork units) {
        this.units = units;
        this.store = store;
        this.processor = processor;
    }

    /** The newest events, newest first; only FAILED (and still RETRYING) ones when {@code failedOnly}. */
    public List<Recorded> recent(boolean failedOnly, int limit) {
        return store.recent(failedOnly, limit).stream()
                .map(StripeEvents::recorded)
                .toList();
    }

    /**
     * Applies a FAILED (or RETRYING) event again, as the webhook would have: in one transaction,
     * exactly once. A failure is recorded as one more attempt and reported.
     */
    public Replayed replay(String eventId) {
        // A routed event is its university's: read it bound to that university (ADR 10).
        Optional<Long> routedTo = store.universityOf(eventId.trim());
        StripeEventStore.Stored stored = (routedTo.isPresent()
                        ? units.bound(routedTo.get(), () -> store.find(eventId.trim()))
                        : store.find(eventId.trim()))
                .orElseThrow(() -> new ReplayException("no Stripe event " + eventId + " was received"));
        if (!stored.outcome().equals("FAILED") && !stored.outcome().equals("RETRYING")) {
            throw new ReplayException(
                    "Stripe event " + stored.id() + " is " + stored.outcome() + "; only FAILED events are replayed");
        }
        if (stored.payload() == null) {
            throw new ReplayException("Stripe event " + stored.id() + " has no stored body to replay");
        }
        PaymentGateway.WebhookEvent event = StripeWebhooks.eventOf(stored);
        EventOutcome outcome;
        try {
            outcome = processor.replay(event, stored.invoiceHint());
        } catch (RuntimeException e) {
            store.recordFailure(event, stored.invoiceHint(), StripeWebhooks.describe(e), 1);
            LOG.warn("Replay of Stripe event {} failed again", stored.id(), e);
            throw new ReplayException("Stripe event " + stored.id() + " failed again: " + StripeWebhooks.describe(e));
        }
        if (outcome.kind() == EventOutcome.Kind.DUPLICATE) {
            throw new ReplayException("Stripe event " + stored.id() + " was applied meanwhile");
        }
        LOG.info("Stripe event {} replayed: {} {}", stored.id(), outcome.kind(), outcome.detail());
        return new Replayed(stored.id(), outcome.kind().name(), outcome.detail());
    }

    private static Recorded recorded(StripeEventStore.Stored stored) {
        return new Recorded(
                stored.id(),
                stored.type(),
                stored.receivedAt(),
                stored.outcome(),
                stored.attempts(),
                stored.lastError(),
                stored.lastAttemptAt(),
                stored.detail(),
                stored.universityId());
    }
}
