package com.careerai.platform.outbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two listeners of {@link ThingHappened} and one of {@link ThingNoted} (which can handle it in the
 * recording transaction) whose effect is a row in {@code test_outbox_effects} (written in the
 * listener's transaction, like a real listener's change), so a test can count effects per event and
 * listener. Active in contexts with {@code spec.name=outbox}.
 */
final class TestListeners {
    static final String[] CREATE_TABLE = {
        "CREATE TABLE IF NOT EXISTS test_outbox_effects (event_id UUID NOT NULL, listener TEXT NOT NULL, name TEXT)",
        "GRANT ALL ON test_outbox_effects TO PUBLIC"
    };

    private TestListeners() {}

    private static void effect(JdbcOperations jdbc, UUID eventId, String listener, String name) {
        jdbc.prepareStatement(
                "INSERT INTO test_outbox_effects (event_id, listener, name) VALUES (?, ?, ?)", statement -> {
                    statement.setObject(1, eventId);
                    statement.setString(2, listener);
                    statement.setString(3, name);
                    return statement.executeUpdate();
                });
    }

    /** Always succeeds. */
    @Singleton
    @Requires(property = "spec.name", value = "outbox")
    static class Steady implements OutboxListener<ThingHappened> {
        private final JdbcOperations jdbc;

        Steady(JdbcOperations jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public Class<ThingHappened> eventType() {
            return ThingHappened.class;
        }

        @Override
        public String name() {
            return "test.steady";
        }

        @Override
        public void on(long universityId, UUID eventId, ThingHappened event) {
            effect(jdbc, eventId, name(), event.name());
        }
    }

    /** Writes its effect, then throws {@code failures} times per event before it lets it commit. */
    @Singleton
    @Requires(property = "spec.name", value = "outbox")
    static class Flaky implements OutboxListener<ThingHappened> {
        private final JdbcOperations jdbc;
        final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
        final Map<UUID, AtomicInteger> failuresTold = new ConcurrentHashMap<>();

        Flaky(JdbcOperations jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public Class<ThingHappened> eventType() {
            return ThingHappened.class;
        }

        @Override
        public String name() {
            return "test.flaky";
        }

        @Override
        public void on(long universityId, UUID eventId, ThingHappened event) {
            effect(jdbc, eventId, name(), event.name());
            int call = calls.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
            if (call <= event.failures()) {
                throw new IllegalStateException("flaky failure " + call + " of " + event.failures());
            }
        }

        @Override
        public void failed(long universityId, UUID eventId, ThingHappened event, RuntimeException error) {
            failuresTold.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
        }
    }

    /**
     * The one listener of {@link ThingNoted}: in the recording transaction it writes its effect with
     * plain SQL and then does what the event says ({@link ThingNoted#there()}); after the commit
     * ({@link #on}) it writes its effect and succeeds. Counts both kinds of call per event.
     */
    @Singleton
    @Requires(property = "spec.name", value = "outbox")
    static class InRecording implements RecordingTransactionListener<ThingNoted> {
        private final JdbcOperations jdbc;
        final Map<UUID, AtomicInteger> inRecording = new ConcurrentHashMap<>();
        final Map<UUID, AtomicInteger> afterCommit = new ConcurrentHashMap<>();

        InRecording(JdbcOperations jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public Class<ThingNoted> eventType() {
            return ThingNoted.class;
        }

        @Override
        public String name() {
            return "test.in-recording";
        }

        @Override
        public boolean onInRecordingTransaction(long universityId, UUID eventId, ThingNoted event) {
            inRecording.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
            effect(jdbc, eventId, name(), event.name());
            switch (event.there()) {
                case "handles" -> {
                    return true;
                }
                case "declines" -> {
                    return false;
                }
                case "throws" -> throw new IllegalStateException("failed in the recording transaction");
                case "breaks" -> {
                    // a statement the database refuses: the transaction is aborted until the savepoint's rollback
                    jdbc.prepareStatement("SELECT 1 / 0", statement -> statement.execute());
                    throw new IllegalStateException("the division did not fail");
                }
                default -> throw new IllegalArgumentException(event.there());
            }
        }

        @Override
        public void on(long universityId, UUID eventId, ThingNoted event) {
            afterCommit.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
            effect(jdbc, eventId, name(), event.name());
        }
    }

    /**
     * Holds every delivery inside its transaction (so its connection) until {@link #open()}: the
     * outbox's delivery pool is then busy. Active in contexts with {@code spec.name=outbox-overflow}.
     */
    @Singleton
    @Requires(property = "spec.name", value = "outbox-overflow")
    static class Gated implements OutboxListener<ThingHappened> {
        private final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger entered = new AtomicInteger();

        @Override
        public Class<ThingHappened> eventType() {
            return ThingHappened.class;
        }

        @Override
        public String name() {
            return "test.gated";
        }

        @Override
        public void on(long universityId, UUID eventId, ThingHappened event) {
            entered.incrementAndGet();
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gate was never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void open() {
            gate.countDown();
        }
    }
}
