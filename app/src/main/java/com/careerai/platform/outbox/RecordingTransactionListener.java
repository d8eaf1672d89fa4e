package com.careerai.platform.outbox;

import java.util.UUID;

/**
 * An {@link OutboxListener} that can usually handle an event inside the very transaction that
 * records it (ADR 0051): its effect then commits with the change that caused it, and the event is
 * stored as delivered — no delivery transaction after the commit (a connection, a claim, a mark and
 * a commit per event). When every listener of an event's type is one, the outbox calls them all,
 * under one savepoint it sets on the recording transaction's connection, before it stores the event.
 *
 * <p>The contract that keeps the recording transaction safe: {@link #onInRecordingTransaction} runs
 * statements on the current connection only (plain SQL through {@code JdbcOperations}) and joins no
 * Micronaut-managed transaction — no {@code @Transactional} service, no {@code TransactionOperations}.
 * A failing participant of a managed transaction marks the whole recording transaction rollback-only,
 * which no savepoint undoes (ADR 0047): the change that recorded the event (a run's SUCCEEDED) would
 * then fail because its notice did. Within that contract a failure costs nothing but speed: the
 * statements since the savepoint are rolled back, the recording transaction goes on, and the event is
 * delivered after the commit through {@link #on} like any other.
 *
 * @param <E> the event type
 */
public interface RecordingTransactionListener<E> extends OutboxListener<E> {

    /**
     * Handles the event with plain SQL on the recording transaction's connection, bound to
     * {@code universityId}; returns false when it cannot do all of it there (e.g. an effect outside
     * the database is due): what it wrote is rolled back to the savepoint and {@link #on} handles the
     * event after the commit. May throw, with the same outcome; see the class's contract.
     */
    boolean onInRecordingTransaction(long universityId, UUID eventId, E event);
}
