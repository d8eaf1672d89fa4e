package com.careerai.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.EnqueuedState;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.junit.jupiter.api.Test;

/** A request that writes its own JSON is written so only while its type's first one matched the mapper's. */
class NewJobJsonTest {
    private final JacksonJsonMapper mapper = new JacksonJsonMapper();
    private final JobMapper jobs = new JobMapper(mapper);
    private final NewJobJson json = new NewJobJson(mapper);

    @Test
    void aRequestWhoseOwnJsonIsTheMappersIsWrittenByItselfAndTheJobIsTheSame() {
        for (int i = 0; i < 3; i++) {
            Right request = new Right(i, UUID.randomUUID());
            Job job = newJob(request);
            assertThat(json.of(job, request)).isEqualTo(jobs.serializeJob(job));
        }
        assertThat(json.writesOwnJson(Right.class)).isTrue();
    }

    @Test
    void aRequestWhoseOwnJsonDiffersIsWrittenByTheMapper() {
        for (int i = 0; i < 3; i++) {
            Wrong request = new Wrong(i);
            Job job = newJob(request);
            assertThat(json.of(job, request)).isEqualTo(jobs.serializeJob(job));
        }
        assertThat(json.writesOwnJson(Wrong.class)).isFalse();
    }

    private static Job newJob(OwnJsonJobRequest request) {
        Job job = new Job(
                UUID.randomUUID(), 1, new JobDetails(request), List.of(new EnqueuedState()), new ConcurrentHashMap<>());
        job.setJobName("Own JSON " + job.getId());
        return job;
    }

    public record Right(long number, UUID id) implements OwnJsonJobRequest {
        @Override
        public String json() {
            return "{\"number\":" + number + ",\"id\":\"" + id + "\"}";
        }

        @Override
        public Class<Handler> getJobRequestHandler() {
            return Handler.class;
        }

        public static class Handler implements JobRequestHandler<Right> {
            @Override
            public void run(Right request) {}
        }
    }

    public record Wrong(long number) implements OwnJsonJobRequest {
        @Override
        public String json() {
            return "{\"number\":\"" + number + "\"}";
        }

        @Override
        public Class<WrongHandler> getJobRequestHandler() {
            return WrongHandler.class;
        }

        public static class WrongHandler implements JobRequestHandler<Wrong> {
            @Override
            public void run(Wrong request) {}
        }
    }
}
