package com.careerai.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.jobs.PingJobRequest;
import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.NoTransactionException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.UUID;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;

/**
 * A job enqueued in a transaction commits with it or not at all, and is the job JobRunr's scheduler
 * would have made (ADR 0043). That the wake-up waits for the commit: {@link JobWakeUpTest}.
 */
@MicronautTest(transactional = false)
class JobsInTransactionTest extends IntegrationTest {

    @Inject
    JobsInTransaction jobs;

    @Inject
    StorageProvider storage;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aJobEnqueuedInATransactionIsStoredWhenItCommitsWithItsAnnotationApplied() {
        UUID id = UUID.randomUUID();
        transactions.executeWrite(status -> {
            jobs.enqueue(id, new PingJobRequest("committed"));
            return null;
        });
        Job job = storage.getJobById(id);
        assertThat(job.getState()).isEqualTo(StateName.ENQUEUED);
        assertThat(job.getJobName()).as("@Job's name").isEqualTo("Ping " + new PingJobRequest("committed"));
        assertThat(job.getAmountOfRetries()).as("@Job's retries").isEqualTo(2);
    }

    @Test
    void aJobEnqueuedInATransactionThatRollsBackIsNotStored() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
                    jobs.enqueue(id, new PingJobRequest("rolled back"));
                    throw new IllegalStateException("the change that needed the job failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> storage.getJobById(id)).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void outsideATransactionNothingIsEnqueued() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> jobs.enqueue(id, new PingJobRequest("no transaction")))
                .isInstanceOf(NoTransactionException.class);
        assertThatThrownBy(() -> storage.getJobById(id)).isInstanceOf(JobNotFoundException.class);
    }
}
