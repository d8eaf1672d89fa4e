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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.junit.jupiter.api.BeforeEach;
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

    @Inject
    JsonMapper jsonMapper;

    JobMapper jobMapper;

    @BeforeEach
    void mapper() {
        jobMapper = new JobMapper(jsonMapper);
    }

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

    /**
     * The second job of a request type is written from the template cut from the first (ADR 0047):
     * its row is the one JobRunr writes (its JSON byte for byte what JobRunr's mapper makes of the
     * job it reads back), and so is a job whose name the template does not take.
     */
    @Test
    void aJobWrittenFromItsTemplateIsTheJobJobRunrWouldHaveWritten() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID unusual = UUID.randomUUID();
        transactions.executeWrite(status -> {
            jobs.enqueue(first, new PingJobRequest("first"));
            jobs.enqueue(second, new PingJobRequest("second"));
            jobs.enqueue(unusual, new PingJobRequest("é \"quoted\" \\ \n"));
            return null;
        });
        assertThat(jobs.writesFromTemplate(PingJobRequest.class)).isTrue();

        for (UUID id : List.of(first, second, unusual)) {
            Job job = storage.getJobById(id);
            Map<String, Object> row = row(id);
            assertThat(row.get("jobasjson")).as("the JSON of %s", id).isEqualTo(jobMapper.serializeJob(job));
            assertThat(row)
                    .containsEntry("version", 1)
                    .containsEntry("state", "ENQUEUED")
                    .containsEntry("jobsignature", job.getJobSignature())
                    .containsEntry("createdat", utcMicros(job.getCreatedAt()))
                    .containsEntry("updatedat", utcMicros(job.getUpdatedAt()))
                    .containsEntry("scheduledat", null)
                    .containsEntry("recurringjobid", null);
            assertThat(job.getVersion()).isEqualTo(1);
        }
        Job made = storage.getJobById(second);
        assertThat(made.getJobName()).isEqualTo("Ping " + new PingJobRequest("second"));
        assertThat(made.getAmountOfRetries()).isEqualTo(2);
        assertThat(made.getJobDetails().getJobParameterValues()).containsExactly(new PingJobRequest("second"));
        assertThat(storage.getJobById(unusual).getJobName())
                .isEqualTo("Ping " + new PingJobRequest("é \"quoted\" \\ \n"));
    }

    /**
     * From the second job of a request type on, the job is made as JobRunr's client filters made the
     * first, without them (ADR 0066): the same details (handler, method, cacheable), signature, name
     * and retries; a request whose text would bring an MDC variable into the name goes through
     * JobRunr's filters, which resolve it.
     */
    @Test
    void aJobMadeWithoutJobRunrsFiltersIsTheJobTheyMake() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID mdc = UUID.randomUUID();
        transactions.executeWrite(status -> {
            jobs.enqueue(first, new PingJobRequest("shape first"));
            jobs.enqueue(second, new PingJobRequest("shape second"));
            jobs.enqueue(mdc, new PingJobRequest("%X{missing}"));
            return null;
        });
        assertThat(jobs.shapesWithoutFilters(PingJobRequest.class)).isTrue();
        Job filtered = storage.getJobById(first);
        Job made = storage.getJobById(second);
        assertThat(made.getJobDetails().getClassName())
                .isEqualTo(filtered.getJobDetails().getClassName());
        assertThat(made.getJobDetails().getMethodName()).isEqualTo("run");
        assertThat(made.getJobDetails().getCacheable()).isTrue();
        assertThat(made.getJobSignature()).isEqualTo(filtered.getJobSignature());
        assertThat(made.getJobName()).isEqualTo("Ping " + new PingJobRequest("shape second"));
        assertThat(made.getAmountOfRetries())
                .isEqualTo(filtered.getAmountOfRetries())
                .isEqualTo(2);
        assertThat(made.getLabels()).isEqualTo(filtered.getLabels());
        assertThat(storage.getJobById(mdc).getJobName())
                .isEqualTo("Ping PingJobRequest[token=(missing is not found in MDC)]");
    }

    private Map<String, Object> row(UUID id) {
        try (Connection connection = java.sql.DriverManager.getConnection(
                        getProperties().get("datasources.default.url"), "postgres", "");
                PreparedStatement select = connection.prepareStatement(
                        "SELECT version, jobasjson, jobsignature, state, createdat, updatedat, scheduledat,"
                                + " recurringjobid FROM jobrunr_jobs WHERE id = ?")) {
            select.setString(1, id.toString());
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                Map<String, Object> row = new HashMap<>();
                row.put("version", rows.getInt("version"));
                row.put("jobasjson", rows.getString("jobasjson"));
                row.put("jobsignature", rows.getString("jobsignature"));
                row.put("state", rows.getString("state"));
                row.put("createdat", rows.getObject("createdat", LocalDateTime.class));
                row.put("updatedat", rows.getObject("updatedat", LocalDateTime.class));
                row.put("scheduledat", rows.getObject("scheduledat", LocalDateTime.class));
                row.put("recurringjobid", rows.getString("recurringjobid"));
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A timestamp as JobRunr stores it: UTC wall-clock time, to the microsecond. */
    private static LocalDateTime utcMicros(Instant instant) {
        Instant micros = instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        return LocalDateTime.ofInstant(micros, ZoneOffset.UTC);
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
