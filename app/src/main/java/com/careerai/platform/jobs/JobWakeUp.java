package com.careerai.platform.jobs;

import io.micronaut.context.BeanProvider;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jobrunr.jobs.AbstractJob;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.JobClientFilter;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobSteward;
import org.jobrunr.storage.StorageProvider;
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
 *
 * <p>JobRunr skips a look while another fetch is in flight on this node (its poll, or a worker that
 * fell idle), and that fetch may have read the queue before the job's commit: the job would then
 * wait for the next poll. So a look that began no fetch, with a worker idle, is made again 50 ms
 * later, until one does (a fetch begun after the commit sees the job).
 */
@Singleton
class JobWakeUp implements JobClientFilter {
    private static final Logger LOG = LoggerFactory.getLogger(JobWakeUp.class);

    private final BeanProvider<BackgroundJobServer> servers;
    private final BeanProvider<StorageProvider> storage;
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

    /** Looks made, whether or not JobRunr fetched (tests). */
    private final AtomicLong looks = new AtomicLong();

    JobWakeUp(BeanProvider<BackgroundJobServer> servers, BeanProvider<StorageProvider> storage) {
        this.servers = servers;
        this.storage = storage;
    }

    @Override
    public void onCreated(AbstractJob job) {
        if (job instanceof Job created && created.hasState(StateName.ENQUEUED) && !noServer) {
            lookSoon();
        }
    }

    private void lookSoon() {
        if (pending.compareAndSet(false, true)) {
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
        looks.incrementAndGet();
        try {
            if (!servers.isPresent()) {
                noServer = true;
                return;
            }
            BackgroundJobServer server = servers.get();
            if (server.isRunning()) {
                JobStorage jobs = (JobStorage) storage.get();
                long fetchesBefore = jobs.fetchesBegun();
                // JobRunr's public way to its fetch: a worker that falls idle fetches as many jobs
                // as there are idle workers. Occupied then idle leaves the count as it was.
                JobSteward steward = server.getJobSteward();
                steward.notifyThreadOccupied();
                steward.notifyThreadIdle();
                if (jobs.fetchesBegun() == fetchesBefore
                        && server.getWorkDistributionStrategy()
                                        .getWorkPageRequest()
                                        .getLimit()
                                > 0) {
                    lookSoon(); // another fetch was in flight: it may have read the queue before the commit
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Looking for work after an enqueue failed; the next poll will", e);
        }
    }

    /** How many looks this node has made (tests). */
    long looks() {
        return looks.get();
    }

    @PreDestroy
    void close() {
        thread.shutdownNow();
    }
}
