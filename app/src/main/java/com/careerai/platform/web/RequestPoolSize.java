package com.careerai.platform.web;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.executor.ExecutorConfiguration;
import io.micronaut.scheduling.executor.UserExecutorConfiguration;
import jakarta.inject.Singleton;

/**
 * Sizes the request pool ({@code micronaut.executors.blocking}, which every signed-in request and most
 * routes run on) to the machine: {@value #THREADS_PER_CORE} threads per core (ADR 0077). A request
 * on this pool spends its time on the CPU or waiting on PostgreSQL or Redis a millisecond at a time;
 * a few threads per core keep both busy, and more only queue on the same cores and the database pool
 * while the requests they took wait longer (bench/RESULTS.md, session 24). Waits on other systems
 * (storage, payment providers) run on the {@code io} pool ({@link CallsOut}).
 *
 * <p>{@code micronaut.executors.blocking.n-threads} ({@code MICRONAUT_EXECUTORS_BLOCKING_N_THREADS})
 * still sets the number when given.
 */
@Singleton
final class RequestPoolSize implements BeanCreatedEventListener<ExecutorConfiguration> {
    static final int THREADS_PER_CORE = 4;
    static final String THREADS_PROPERTY = "micronaut.executors." + TaskExecutors.BLOCKING + ".n-threads";

    private final Environment environment;

    RequestPoolSize(Environment environment) {
        this.environment = environment;
    }

    @Override
    public ExecutorConfiguration onCreated(BeanCreatedEvent<ExecutorConfiguration> event) {
        ExecutorConfiguration configuration = event.getBean();
        if (configuration instanceof UserExecutorConfiguration pool
                && TaskExecutors.BLOCKING.equals(pool.getName())
                && !environment.containsProperty(THREADS_PROPERTY)) {
            pool.setNumberOfThreads(threads(Runtime.getRuntime().availableProcessors()));
        }
        return configuration;
    }

    static int threads(int cores) {
        return THREADS_PER_CORE * cores;
    }
}
