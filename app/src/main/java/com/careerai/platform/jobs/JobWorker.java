package com.careerai.platform.jobs;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts this node's background job server once the HTTP server listens (worker role only), and
 * starts it again whenever it is found stopped: JobRunr OSS shuts its server down by itself after
 * too many storage errors in a row (PostgreSQL restarting), and would then process nothing until
 * the node restarts.
 *
 * <p>The start waits for the HTTP server so that a node answers its first request (a load
 * balancer's health check) without waiting for JobRunr's (issue 19, ADR 0037); it runs on the
 * watchdog's thread. A context without an HTTP server starts it after {@code start-delay}. The
 * server itself (and with it JobRunr's storage, JSON mapper and validated configuration) is made
 * there too, at its first start, not while the context starts: it is no part of the path to the
 * first answer (ADR 0052).
 *
 * <p>Closing: the context's {@link ShutdownEvent} comes before any bean is destroyed, so the
 * watchdog is stopped before the server's own {@code stop} whatever order the context destroys them
 * in (the server is no constructor dependency of this bean any more).
 */
@Context
@Requires(bean = WorkerRole.class)
class JobWorker {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

    private final BeanProvider<BackgroundJobServer> servers;
    private final JobsConfiguration configuration;
    private final ApplicationEventPublisher<JobServerStarting> starting;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jobrunr-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private boolean closing;
    private boolean started;

    /** {@code settings}: taken here only so that a bad one stops the start (the server is made later). */
    JobWorker(
            BeanProvider<BackgroundJobServer> servers,
            BackgroundJobServerConfiguration settings,
            JobsConfiguration configuration,
            ApplicationEventPublisher<JobServerStarting> starting) {
        this.servers = servers;
        this.configuration = configuration;
        this.starting = starting;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        watchdog.schedule(this::startIfStopped, configuration.getStartDelay().toMillis(), TimeUnit.MILLISECONDS);
        long every = configuration.getWatchdogInterval().toMillis();
        watchdog.scheduleWithFixedDelay(this::startIfStopped, every, every, TimeUnit.MILLISECONDS);
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        watchdog.execute(this::startIfStopped);
    }

    /** Synchronised with {@link #close()} so that no start races the application's shutdown. */
    synchronized void startIfStopped() {
        try {
            if (closing) {
                return;
            }
            BackgroundJobServer server = servers.get();
            if (!server.isRunning()) {
                if (!started) {
                    starting.publishEvent(new JobServerStarting()); // recurring jobs registered
                } else {
                    LOG.warn(
                            "Background job server found stopped (JobRunr stops after repeated storage errors): starting it again");
                }
                server.start();
                if (!started) {
                    LOG.info("Background job server started (worker role)");
                }
                started = true;
            }
        } catch (RuntimeException e) {
            LOG.warn("Background job server could not start yet; trying at the next check", e);
        }
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        close();
    }

    /** Runs before the server's own {@code stop}: at the context's shutdown event, else when destroyed. */
    @PreDestroy
    synchronized void close() {
        closing = true;
        watchdog.shutdownNow();
    }
}
