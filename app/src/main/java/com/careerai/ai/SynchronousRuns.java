package com.careerai.ai;

import com.careerai.auth.RateLimitedException;
import com.careerai.platform.web.HandsOff;
import io.micronaut.core.propagation.PropagatedContext;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
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
    private final RunExecutor executor;

    SynchronousRuns(AiConfiguration configuration, RunExecutor executor) {
        this.configuration = configuration;
        this.executor = executor;
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
     * Starts the run on this executor with the reserved place and returns at once: the returned stage
     * completes when the run ends (exceptionally with what it threw), or with a
     * {@link java.util.concurrent.TimeoutException} {@code careerai.ai.sync-timeout} + 30 s later. The
     * place is released when the run ends, before the stage completes (whose continuation answers the
     * student on this thread). The caller's propagated context (its university binding among it) goes
     * with the run; the waiting student's request holds no thread meanwhile (ADR 0077).
     */
    @HandsOff
    CompletableFuture<Void> start(Place place, long universityId, UUID runId) {
        place.handedOver = true;
        Runnable inContext = PropagatedContext.wrapCurrent(() -> executor.execute(universityId, runId));
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            threads.execute(() -> {
                Throwable failure = null;
                try {
                    inContext.run();
                } catch (RuntimeException | Error e) {
                    failure = e;
                } finally {
                    // free before the waiting request goes on: completing runs its answer on this thread
                    place.release();
                }
                if (failure == null) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            place.release();
            throw e;
        }
        return done.orTimeout(configuration.getSyncTimeout().toMillis() + 30_000, TimeUnit.MILLISECONDS);
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
