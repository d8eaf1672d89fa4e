package com.careerai.platform.web;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The blocking pool, handed a request once (ADR 0073). The session check moves a signed-in request off
 * the event loop onto this executor; the security filters then run on that pool thread, and when they
 * reach a controller marked {@code @ExecuteOn(RequestExecutor.NAME)} before the check's task has
 * returned, the controller runs there and then instead of being queued for a second pool thread.
 *
 * <p>Only that first task submitted from inside one of this executor's own tasks, on its thread, runs
 * at once; anything the controller itself submits, anything submitted from the event loop or another
 * pool (an anonymous request, a filter that waited for a body), and every task of the plain blocking
 * pool is queued as before. Shutting the pool down is the blocking executor's business, not this view's.
 */
@Singleton
@Named(RequestExecutor.NAME)
public final class RequestExecutor extends AbstractExecutorService {
    /** The executor's name, for {@code @ExecuteOn} and {@code @Named}. */
    public static final String NAME = "request";

    /** Whether the running task may still run the one task it submits at once. */
    private static final ThreadLocal<Boolean> MAY_RUN_NEXT_HERE = new ThreadLocal<>();

    private final ExecutorService pool;

    RequestExecutor(@Named(TaskExecutors.BLOCKING) ExecutorService pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        if (MAY_RUN_NEXT_HERE.get() == Boolean.TRUE) {
            MAY_RUN_NEXT_HERE.set(Boolean.FALSE); // what this task submits in turn is queued
            task.run();
            return;
        }
        pool.execute(() -> {
            MAY_RUN_NEXT_HERE.set(Boolean.TRUE);
            try {
                task.run();
            } finally {
                MAY_RUN_NEXT_HERE.remove();
            }
        });
    }

    @Override
    public void shutdown() {
        // the pool is the blocking executor's, shut down with it
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }
}
