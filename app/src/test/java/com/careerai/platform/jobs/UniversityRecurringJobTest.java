package com.careerai.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.junit.jupiter.api.Test;

/** A university's recurring job is registered once per node, and again after a registration that threw. */
class UniversityRecurringJobTest {
    private final List<String> registered = new CopyOnWriteArrayList<>();
    private final AtomicBoolean storageDown = new AtomicBoolean();

    /** JobRunr's own scheduler, its registration recorded here instead of written (or refused, when down). */
    private final JobRequestScheduler scheduler = new JobRequestScheduler(new InMemoryStorageProvider()) {
        @Override
        public String scheduleRecurrently(String id, Duration every, JobRequest request) {
            if (storageDown.get()) {
                throw new IllegalStateException("job storage unreachable");
            }
            registered.add(id + " every " + every + " for " + ((Housekeeping) request).universityId());
            return id;
        }
    };

    private final UniversityRecurringJob job =
            new UniversityRecurringJob(scheduler, "housekeeping-", Duration.ofHours(1), Housekeeping::new) {};

    @Test
    void eachUniversitysJobIsRegisteredOnceOnThisNode() {
        job.ensure(7);
        job.ensure(7);
        job.ensure(8);

        assertThat(registered).containsExactly("housekeeping-7 every PT1H for 7", "housekeeping-8 every PT1H for 8");
        assertThat(job.recurringJobId(7)).isEqualTo("housekeeping-7");
    }

    @Test
    void aRegistrationThatThrewIsTriedAgainAtTheNextUse() {
        storageDown.set(true);
        assertThatThrownBy(() -> job.ensure(7)).hasMessage("job storage unreachable");

        storageDown.set(false);
        job.ensure(7);
        job.ensure(7);

        assertThat(registered).containsExactly("housekeeping-7 every PT1H for 7");
    }

    record Housekeeping(long universityId) implements JobRequest {
        @Override
        public Class<Handler> getJobRequestHandler() {
            return Handler.class;
        }
    }

    static class Handler implements JobRequestHandler<Housekeeping> {
        @Override
        public void run(Housekeeping request) {}
    }
}
