package com.careerai.platform.outbox;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;

/**
 * Records events that cross features, in the caller's transaction: the event is stored with the
 * change that causes it or not at all, and after commit the {@link OutboxRelay} delivers it to
 * every {@link OutboxListener} of its type, at least once. Events are {@code @Serdeable} records
 * named in the past tense ({@code PaymentConfirmed}).
 */
@Singleton
public class Outbox {
    private final OutboxStore store;
    private final OutboxRelay relay;
    private final ObjectMapper json;
    private final TransactionOperations<Connection> transactions;

    Outbox(OutboxStore store, OutboxRelay relay, ObjectMapper json, TransactionOperations<Connection> transactions) {
        this.store = store;
        this.relay = relay;
        this.json = json;
        this.transactions = transactions;
    }

    /**
     * Stores {@code event} for {@code universityId} in the current transaction and, once that
     * commits, has it delivered; returns the event's id. An event nobody listens to is stored as
     * delivered, and so is one that its listeners handled here, in this transaction
     * ({@link RecordingTransactionListener}, ADR 0051).
     *
     * @throws io.micronaut.transaction.exceptions.IllegalTransactionStateException outside a transaction
     * @throws IllegalArgumentException when the event cannot be serialised (not {@code @Serdeable})
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public UUID record(long universityId, Object event) {
        String type = event.getClass().getName();
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(type + " cannot be recorded (is it @Serdeable?)", e);
        }
        UUID id = UUID.randomUUID();
        List<OutboxListener<?>> listeners = relay.listenersOf(type);
        boolean delivered =
                listeners.isEmpty() || relay.deliverInRecordingTransaction(universityId, id, event, listeners);
        store.insert(universityId, id, type, payload, delivered);
        if (!delivered) {
            transactions
                    .findTransactionStatus()
                    .orElseThrow()
                    .registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            relay.committed(universityId, id, type, payload);
                        }
                    });
        }
        return id;
    }
}
