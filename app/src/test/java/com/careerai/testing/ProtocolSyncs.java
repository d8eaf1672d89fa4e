package com.careerai.testing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the Sync messages pgjdbc sends on the calling thread while it is open: each is a round trip to
 * PostgreSQL (the driver waits for ReadyForQuery), which statement counts cannot see — pgjdbc may split
 * one statement of several parts into several. Read from the driver's own protocol log (FINEST), which
 * is switched on for the counter's life only and kept from the application's log.
 */
public final class ProtocolSyncs implements AutoCloseable {
    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    private final AtomicInteger syncs = new AtomicInteger();
    private final long thread = Thread.currentThread().getId();
    private final Level level = DRIVER.getLevel();
    private final boolean parents = DRIVER.getUseParentHandlers();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLongThreadID() == thread
                    && record.getMessage() != null
                    && record.getMessage().trim().equals("FE=> Sync")) {
                syncs.incrementAndGet();
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

    /** Starts counting on this thread. */
    public static ProtocolSyncs count() {
        return new ProtocolSyncs();
    }

    /** Syncs sent so far. */
    public int syncs() {
        return syncs.get();
    }

    @Override
    public void close() {
        DRIVER.setLevel(level);
        DRIVER.setUseParentHandlers(parents);
        DRIVER.removeHandler(handler);
    }
}
