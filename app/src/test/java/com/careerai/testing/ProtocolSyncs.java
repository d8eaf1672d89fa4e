package com.careerai.testing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the Sync messages pgjdbc sends while it is open, per thread: each is a round trip to
 * PostgreSQL (the driver waits for ReadyForQuery), which statement counts cannot see — pgjdbc may split
 * one statement of several parts into several. Read from the driver's own protocol log (FINEST), which
 * is switched on for the counter's life only and kept from the application's log. A connection's
 * liveness check (the pool's {@code isValid}) is a simple query, which sends no Sync: it is not counted.
 */
public final class ProtocolSyncs implements AutoCloseable {
    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    /** Syncs by the name of the thread that sent them. */
    private final Map<String, AtomicInteger> syncs = new ConcurrentHashMap<>();

    private final String thread = Thread.currentThread().getName();
    private final Level level = DRIVER.getLevel();
    private final boolean parents = DRIVER.getUseParentHandlers();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getMessage() != null && record.getMessage().trim().equals("FE=> Sync")) {
                // published on the thread that sent it
                syncs.computeIfAbsent(Thread.currentThread().getName(), name -> new AtomicInteger())
                        .incrementAndGet();
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private ProtocolSyncs() {
        handler.setLevel(Level.FINEST);
        DRIVER.addHandler(handler);
        DRIVER.setUseParentHandlers(false);
        DRIVER.setLevel(Level.FINEST);
    }

    /** Starts counting, on every thread. */
    public static ProtocolSyncs count() {
        return new ProtocolSyncs();
    }

    /** Syncs sent so far on the thread that started the count. */
    public int syncs() {
        return syncsOn(List.of(thread));
    }

    /** Syncs sent so far on these threads (by name). */
    public int syncsOn(Collection<String> threads) {
        return threads.stream()
                .mapToInt(name -> syncs.getOrDefault(name, new AtomicInteger()).get())
                .sum();
    }

    @Override
    public void close() {
        DRIVER.setLevel(level);
        DRIVER.setUseParentHandlers(parents);
        DRIVER.removeHandler(handler);
    }
}
