package com.careerai.platform.jobs;

import io.micronaut.context.BeanProvider;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jobrunr.jobs.AbstractJob;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.JobClientFilter;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobSteward;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has this node's background job server look for work as soon as a job is enqueued here, instead of
 * at its next poll: JobRunr refuses a poll interval under 5 seconds on SQL storage, so an idle
 * worker left a new job (an AI run the student is waiting for) in the queue for 2.5 s on average,
 * up to 5 s (issue 19, ADR 0039). Busy workers need no wake-up: JobRunr fetches the next job
 * whenever a worker finishes one.
 *
 * <p>A JobRunr client filter on the scheduler, so every enqueue is seen whoever makes it. Bursts
 * cost one look: wake-ups wait on one daemon thread and coalesce while one is pending, at most one
 * look every 50 ms; a look with every worker busy asks the database nothing. On a node without the worker role it does nothing
 * (the worker nodes find the job at their poll).
 */
@Singleton
class JobWakeUp implements JobClientFilter {
    private static final Logger LOG = LoggerFactory.getLogger(JobWakeUp.class);

    private final BeanProvider<BackgroundJobServer> servers;
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Set once this node is found to have no background job server (web role only). */
    private volatile boolean noServer;

    /**
     * At most one look this often: a flood of enqueues (with a worker or two idle between jobs) cost
     * a fetch per enqueue, 0.2 ms of CPU per job, for no gain; the workers' own fetches keep up there.
     */
    static final long LOOK_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private volatile long lastLook = System.nanoTime() - LOOK_EVERY_NANOS;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread daemon = new Thread(runnable, "jobrunr-wake-up");
        daemon.setDaemon(true);
        return daemon;
    });

    JobWakeUp(BeanProvider<BackgroundJobServer> servers) {
        this.servers = servers;
    }

    @Override
    public void onCreated(AbstractJob job) {
        if (job instanceof Job created
                && created.hasState(StateName.ENQUEUED)
                && !noServer
                && pending.compareAndSet(false, true)) {
            try {
                long wait = lastLook + LOOK_EVERY_NANOS - System.nanoTime();
                thread.schedule(this::lookForWork, Math.max(0, wait), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                pending.set(false); // shutting down: the poll is all there is
            }
        }
    }

    private void lookForWork() {
        lastLook = System.nanoTime();
        pending.set(false);
        try {
            if (!servers.isPresent()) {
                noServer = true;
                return;
            }
            BackgroundJobServer server = servers.get();
            if (server.isRunning()) {
                // JobRunr's public way to its fetch: a worker that falls idle fetches as many jobs
                // as there are idle workers. Occupied then idle leaves the count as it was.
                JobSteward steward = server.getJobSteward();
                steward.notifyThreadOccupied();
                steward.notifyThreadIdle();
            }
        } catch (RuntimeException e) {
            LOG.debug("Looking for work after an enqueue failed; the next poll will", e);
        }
    }

    @PreDestroy
    void close() {
        thread.shutdownNow();
    }
}
