package com.careerai.ai;

import com.careerai.auth.RateLimitedException;
import io.micronaut.core.propagation.PropagatedContext;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor of synchronous tools (Internship Finder): {@code careerai.ai.sync-threads} threads
 * of its own and at most {@code careerai.ai.sync-queue-limit} runs waiting for one. A place is
 * reserved before anything is debited; when none is left the request is refused with 429 and
 * {@code Retry-After}, so a burst of synchronous runs cannot hold every request thread of the node
 * (and with them every university's pages).
 */
@Singleton
class SynchronousRuns {
    private final AiConfiguration configuration;
    private final Semaphore places;
    private final ExecutorService threads;

    SynchronousRuns(AiConfiguration configuration) {
        this.configuration = configuration;
        this.places = new Semaphore(configuration.getSyncThreads() + configuration.getSyncQueueLimit());
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "synchronous-run-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.threads = Executors.newFixedThreadPool(configuration.getSyncThreads(), factory);
    }

    /** A place on the executor, held until the run it is used for ends (or released unused). */
    final class Place implements AutoCloseable {
        private final AtomicBoolean held = new AtomicBoolean(true);
        private volatile boolean handedOver;

        private void release() {
            if (held.compareAndSet(true, false)) {
                places.release();
            }
        }

        /** Releases the place unless a run took it over (that run releases it when it ends). */
        @Override
        public void close() {
            if (!handedOver) {
                release();
            }
        }
    }

    /** Reserves a place, or refuses with 429 and {@code Retry-After} when every one is taken. */
    Place reserve() {
        if (!places.tryAcquire()) {
            throw new RateLimitedException(
                    "Too many instant runs are in progress right now. Nothing was charged; please try again in a"
                            + " few seconds.",
                    configuration.getSyncRetryAfter());
        }
        return new Place();
    }

    /**
     * Runs {@code work} on the executor with the reserved place, waiting for it; an exception of
     * the work is rethrown here. The place is released when the work ends, even if this waiting
     * thread gives up first (the work is itself bounded by {@code careerai.ai.sync-timeout}).
     */
    void run(Place place, Runnable work) {
        place.handedOver = true;
        // The request's propagated context (its university binding among it) goes with the work.
        Runnable inContext = PropagatedContext.wrapCurrent(work);
        Future<?> done;
        try {
            done = threads.submit(() -> {
                try {
                    inContext.run();
                } finally {
                    place.release();
                }
            });
        } catch (RuntimeException e) {
            place.release();
            throw e;
        }
        try {
            done.get(configuration.getSyncTimeout().toMillis() + 30_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Synchronous run did not finish in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a synchronous run", e);
        }
    }

    /** Places free right now (threads idle plus queue places left). */
    int available() {
        return places.availablePermits();
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
