package com.careerai.platform.outbox;

import io.micronaut.aop.Intercepted;
import java.util.UUID;

/**
 * Handles one kind of outbox event, at least once, in a transaction of its own opened for the
 * event's university (the relay's; or outside any, see {@link #runsInTransaction}). The relay records in that same transaction that this listener
 * handled the event, so a database effect happens exactly once; an effect outside the database
 * (an email) happens once unless the process dies between that effect and the commit.
 *
 * <p>Throw to fail: the transaction rolls back, {@link #failed} is told, and the event is
 * delivered again later (JobRunr's retries, then the recurring relay), to this listener only.
 *
 * <p>A listener that can usually do its work with plain SQL in the transaction recording the event
 * implements {@link RecordingTransactionListener} as well (ADR 0051).
 *
 * @param <E> the event type, a {@code @Serdeable} record named in the past tense
 */
public interface OutboxListener<E> {

    /** The events this listener handles (exactly this class). */
    Class<E> eventType();

    /** Handles one event; {@code eventId} is the same on every delivery of it. */
    void on(long universityId, UUID eventId, E event);

    /**
     * Whether {@link #on} runs in the relay's transaction (the default, which makes a database
     * effect happen exactly once). A listener whose effect is slow and outside the database (an SMTP
     * conversation) answers false: {@link #on} then runs bound to the event's university with no
     * transaction open and no connection held, and must itself make a second call for the same event
     * harmless (it may come after the listener handled it, or while another attempt still is); the
     * relay records that it handled the event in a short transaction after {@link #on} returns.
     */
    default boolean runsInTransaction() {
        return true;
    }

    /**
     * Told after {@link #on} threw and its transaction rolled back, in a new transaction of the
     * event's university, e.g. to show the failure to users. Must not throw.
     */
    default void failed(long universityId, UUID eventId, E event, RuntimeException error) {}

    /**
     * The name deliveries are recorded under; must stay the same across releases while events
     * are in flight (a renamed listener receives undelivered events once more).
     */
    default String name() {
        Class<?> type = getClass();
        if (Intercepted.class.isAssignableFrom(type)) {
            type = type.getSuperclass();
        }
        return type.getName();
    }
}
