package com.careerai.platform.outbox;

import com.careerai.platform.data.UnitOfWork;
import io.micronaut.context.BeanContext;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers recorded events to their listeners. Three ways in, all ending in {@link #deliver}:
 * right after the recording transaction commits (on this node, on a small pool, so a sign-in code
 * reaches SMTP in milliseconds rather than after JobRunr's poll), the JobRunr job that is the retry
 * path (enqueued when that attempt fails, or when the pool has no room), and the recurring relay for
 * events whose process died before either. Before those, an event whose listeners can all handle it
 * in the transaction that records it is delivered there ({@link #deliverInRecordingTransaction}).
 *
 * <p>Every transaction here is new and bound to the event's university ({@link UnitOfWork}); each
 * listener runs in its own, which also records that it handled the event — or, for a listener that
 * {@linkplain OutboxListener#runsInTransaction runs outside any}, bound to the university only,
 * followed by a short transaction that records it.
 */
@Singleton
class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    /** The savepoint of {@link #deliverInRecordingTransaction}: one name, so one statement text per connection. */
    private static final String SAVEPOINT = "SAVEPOINT outbox_listeners";

    private static final String ROLLBACK_TO_SAVEPOINT = "ROLLBACK TO SAVEPOINT outbox_listeners";
    /** Events waiting for the enqueuing thread per place in the delivery pool's queue. */
    static final int ENQUEUE_BACKLOG_PER_QUEUED = 20;

    private static final TransactionDefinition NEW =
            TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);

    private final OutboxStore store;
    private final UnitOfWork units;
    private final ObjectMapper json;
    private final TransactionOperations<Connection> transactions;
    private final JobRequestScheduler scheduler;
    private final StorageProvider jobs;
    private final OutboxConfiguration configuration;
    private final BeanContext beans;
    private final ThreadPoolExecutor pool;
    private final ThreadPoolExecutor enqueuer;
    private volatile Map<String, List<OutboxListener<?>>> listeners;

    OutboxRelay(
            OutboxStore store,
            ObjectMapper json,
            TransactionOperations<Connection> transactions,
            JobRequestScheduler scheduler,
            StorageProvider jobs,
            OutboxConfiguration configuration,
            BeanContext beans,
            UnitOfWork units) {
        this.units = units;
        this.store = store;
        this.json = json;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.jobs = jobs;
        this.configuration = configuration;
        this.beans = beans;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                configuration.getThreads(),
                configuration.getThreads(),
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(configuration.getQueueCapacity()),
                runnable -> {
                    Thread thread = new Thread(runnable, "outbox-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.pool.allowCoreThreadTimeOut(true);
        this.enqueuer = new ThreadPoolExecutor(
                1,
                1,
                60,
                TimeUnit.SECONDS,
                // a task is an event's key: a backlog of bookings at 32 connections (bench/run, 100 a second
                // with four events each) outran a queue as long as the delivery pool's within seconds
                new ArrayBlockingQueue<>(ENQUEUE_BACKLOG_PER_QUEUED * configuration.getQueueCapacity()),
                runnable -> {
                    Thread thread = new Thread(runnable, "outbox-enqueue");
                    thread.setDaemon(true);
                    return thread;
                });
        this.enqueuer.allowCoreThreadTimeOut(true);
    }

    /** The JobRunr job id of an event's delivery job. */
    static UUID jobIdOf(UUID eventId) {
        return UUID.nameUUIDFromBytes(("outbox-event:" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    List<OutboxListener<?>> listenersOf(String type) {
        return listeners().getOrDefault(type, List.of());
    }

    /** Called right after a transaction that recorded the event (type and payload as stored) committed. */
    void committed(long universityId, UUID eventId, String type, String payload) {
        switch (configuration.getAfterCommit()) {
            case NOTHING -> LOG.debug("Outbox event {} left to the recurring relay", eventId);
            case ENQUEUE -> enqueue(universityId, eventId);
            case DELIVER -> {
                OutboxStore.StoredEvent stored = new OutboxStore.StoredEvent(type, payload, null);
                try {
                    pool.execute(() -> deliverNowOrEnqueue(universityId, eventId, stored));
                } catch (RejectedExecutionException e) {
                    enqueueElsewhere(universityId, eventId);
                }
            }
        }
    }

    /**
     * Delivers an event inside the transaction that records it (ADR 0051) when this node delivers
     * right after commit and every listener of its type is a {@link RecordingTransactionListener}: all
     * of them under one savepoint on that transaction's connection. True when they all handled it (the
     * caller stores the event as delivered); false when one declined or failed, after rolling back to
     * the savepoint, so that the event is delivered after the commit as any other. Saves the delivery's
     * own transaction per event (a connection, its claim, its mark and a commit).
     *
     * <p>The savepoint has one fixed name, set by a statement the driver parses once per connection
     * (pgjdbc's {@code setSavepoint} makes a new name, so a new statement text, every time), and is
     * not released when the listeners succeed: the commit ends it, which saves a round trip per event
     * (ADR 0075). A later event of the same transaction sets its own under the same name; PostgreSQL
     * rolls back to the most recent one of a name, so a failure undoes that event's writes only.
     *
     * @throws OutboxDeliveryException when the connection cannot even set or roll back to a savepoint
     *     (the recording transaction is then broken anyway)
     */
    boolean deliverInRecordingTransaction(
            long universityId, UUID eventId, Object event, List<OutboxListener<?>> targets) {
        if (configuration.getAfterCommit() != OutboxConfiguration.AfterCommit.DELIVER) {
            return false;
        }
        for (OutboxListener<?> listener : targets) {
            if (!(listener instanceof RecordingTransactionListener)) {
                return false;
            }
        }
        Connection connection = transactions.getConnection();
        try {
            execute(connection, SAVEPOINT);
        } catch (SQLException e) {
            throw new OutboxDeliveryException("no savepoint for outbox event " + eventId + ": " + e.getMessage(), e);
        }
        String declined = null;
        RuntimeException failure = null;
        for (OutboxListener<?> listener : targets) {
            try {
                if (!callInRecording((RecordingTransactionListener<?>) listener, universityId, eventId, event)) {
                    declined = listener.name();
                    break;
                }
            } catch (RuntimeException e) {
                failure = e;
                declined = listener.name();
                break;
            }
        }
        if (declined == null) {
            return true;
        }
        try {
            execute(connection, ROLLBACK_TO_SAVEPOINT);
        } catch (SQLException e) {
            throw new OutboxDeliveryException(
                    "savepoint of outbox event " + eventId + " not rolled back: " + e.getMessage(), e);
        }
        if (failure != null) {
            LOG.info(
                    "Outbox listener {} failed on event {} of university {} in its recording transaction ({});"
                            + " delivering it after the commit",
                    declined,
                    eventId,
                    universityId,
                    failure.toString());
        }
        return false;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    /**
     * Enqueues the delivery job on the enqueuing thread, not on the committing one: that thread still
     * holds its transaction's connection (after-commit work runs before it is given back), and
     * enqueueing takes another. Under load every request thread did so at once and the pool ran dry:
     * each held one connection while waiting 5 s for a second (bench/run's bookings at 32 connections,
     * issue 19). When that thread is as far behind as the delivery pool, the recurring relay has it.
     */
    private void enqueueElsewhere(long universityId, UUID eventId) {
        try {
            enqueuer.execute(() -> enqueue(universityId, eventId));
        } catch (RejectedExecutionException e) {
            LOG.warn(
                    "Outbox event {} of university {} left to the recurring relay (node too busy)",
                    eventId,
                    universityId);
        }
    }

    private void deliverNowOrEnqueue(long universityId, UUID eventId, OutboxStore.StoredEvent stored) {
        try {
            deliver(universityId, eventId, stored);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Outbox event {} of university {} not delivered at once ({}); queued for retries",
                    eventId,
                    universityId,
                    e.getMessage());
            enqueue(universityId, eventId);
        }
    }

    /** Enqueues the event's delivery job; a second enqueue of the same event is ignored by JobRunr. */
    void enqueue(long universityId, UUID eventId) {
        try {
            scheduler.enqueue(jobIdOf(eventId), new DeliverOutboxEventJobRequest(universityId, eventId));
        } catch (RuntimeException e) {
            LOG.error(
                    "Outbox event {} of university {} could not be queued; the recurring relay will",
                    eventId,
                    universityId,
                    e);
        }
    }

    /**
     * Delivers the event to each listener that has not handled it; marks it delivered once all
     * have. Returns quietly for an unknown or already delivered event.
     *
     * @throws OutboxDeliveryException when a listener failed (the others are not held back)
     */
    void deliver(long universityId, UUID eventId) {
        Optional<OutboxStore.StoredEvent> found = inUniversity(universityId, () -> store.find(universityId, eventId));
        if (found.isEmpty() || found.get().deliveredAt() != null) {
            return;
        }
        deliver(universityId, eventId, found.get());
    }

    /**
     * Delivers an event known to be stored (read back, or just committed by this node): one
     * transaction per listener, the last of which also marks the event delivered when every
     * listener before it succeeded (one transaction in all for the usual single listener).
     */
    private void deliver(long universityId, UUID eventId, OutboxStore.StoredEvent stored) {
        List<OutboxListener<?>> targets = listenersOf(stored.type());
        if (targets.isEmpty()) {
            // Recorded by a node that knew the type: an older node leaves it to a newer one.
            throw failure(
                    universityId,
                    eventId,
                    new OutboxDeliveryException("no listener of " + stored.type() + " on this node"));
        }
        Object event;
        try {
            event = json.readValue(stored.payload(), targets.get(0).eventType());
        } catch (IOException | RuntimeException e) {
            throw failure(
                    universityId,
                    eventId,
                    new OutboxDeliveryException("payload of " + stored.type() + " unreadable: " + e.getMessage(), e));
        }
        RuntimeException first = null;
        for (int i = 0; i < targets.size(); i++) {
            OutboxListener<?> listener = targets.get(i);
            boolean markDelivered = first == null && i == targets.size() - 1;
            try {
                boolean inTransaction = listener.runsInTransaction();
                if (!inTransaction) {
                    // no transaction or connection held while it works (SMTP); it guards against a
                    // repeated call itself, and its delivery is recorded once it returned
                    units.bound(universityId, () -> {
                        call(listener, universityId, eventId, event);
                        return null;
                    });
                }
                inUniversity(universityId, () -> {
                    if (store.claim(universityId, eventId, listener.name()) && inTransaction) {
                        call(listener, universityId, eventId, event);
                    }
                    if (markDelivered) {
                        store.markDelivered(universityId, eventId);
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn(
                        "Outbox listener {} failed on event {} of university {}: {}",
                        listener.name(),
                        eventId,
                        universityId,
                        e.toString());
                tellFailed(listener, universityId, eventId, event, e);
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw failure(
                    universityId,
                    eventId,
                    new OutboxDeliveryException(
                            "outbox event " + eventId + " not delivered to every listener: " + first.getMessage(),
                            first));
        }
    }

    /** The recurring relay: enqueues events left undelivered with no job (a crash after commit). */
    int relayLost() {
        List<OutboxStore.EventKey> lost = transactions.execute(
                NEW, status -> store.undelivered(configuration.getRelayAfter(), configuration.getRelayBatch()));
        int enqueued = 0;
        for (OutboxStore.EventKey key : lost) {
            if (!jobExists(key.id())) {
                LOG.info(
                        "Outbox event {} of university {} has no delivery job; enqueueing it",
                        key.id(),
                        key.universityId());
                enqueue(key.universityId(), key.id());
                enqueued++;
            }
        }
        return enqueued;
    }

    /** Deletes delivered events older than the retention. */
    int purgeDelivered() {
        return transactions.execute(
                NEW, status -> store.purgeDelivered(configuration.getRetention(), configuration.getRelayBatch()));
    }

    private boolean jobExists(UUID eventId) {
        try {
            jobs.getJobById(jobIdOf(eventId));
            return true;
        } catch (JobNotFoundException e) {
            return false;
        }
    }

    private RuntimeException failure(long universityId, UUID eventId, RuntimeException error) {
        try {
            inUniversity(universityId, () -> {
                store.recordFailure(universityId, eventId, String.valueOf(error.getMessage()));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Could not record the failure of outbox event {}", eventId, e);
        }
        return error;
    }

    @SuppressWarnings("unchecked")
    private static <E> boolean callInRecording(
            RecordingTransactionListener<E> listener, long universityId, UUID eventId, Object event) {
        return listener.onInRecordingTransaction(universityId, eventId, (E) event);
    }

    @SuppressWarnings("unchecked")
    private static <E> void call(OutboxListener<E> listener, long universityId, UUID eventId, Object event) {
        listener.on(universityId, eventId, (E) event);
    }

    @SuppressWarnings("unchecked")
    private <E> void tellFailed(
            OutboxListener<E> listener, long universityId, UUID eventId, Object event, RuntimeException error) {
        try {
            inUniversity(universityId, () -> {
                listener.failed(universityId, eventId, (E) event, error);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Outbox listener {} could not record its failure on event {}", listener.name(), eventId, e);
        }
    }

    /** A new transaction of the event's university (the unit of work of ADR 0010). */
    private <T> T inUniversity(long universityId, Supplier<T> work) {
        return units.bound(universityId, () -> transactions.execute(NEW, status -> work.get()));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Map<String, List<OutboxListener<?>>> listeners() {
        Map<String, List<OutboxListener<?>>> known = listeners;
        if (known == null) {
            Map<String, List<OutboxListener<?>>> byType = new HashMap<>();
            for (OutboxListener listener : beans.getBeansOfType(OutboxListener.class)) {
                byType.computeIfAbsent(listener.eventType().getName(), type -> new ArrayList<>())
                        .add(listener);
            }
            byType.replaceAll((type, list) -> List.copyOf(list));
            known = Map.copyOf(byType);
            listeners = known;
        }
        return known;
    }

    @PreDestroy
    void close() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Outbox deliveries still running at shutdown; the recurring relay will finish them");
            pool.shutdownNow();
        }
        enqueuer.shutdown();
        if (!enqueuer.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.warn("Outbox events still to enqueue at shutdown; the recurring relay will");
            enqueuer.shutdownNow();
        }
    }
}
