package com.careerai.platform.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobVersioner;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.SchedulableState;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.StorageException;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.navigation.AmountRequest;
import org.jobrunr.storage.sql.common.JobTable;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;

/**
 * JobRunr's PostgreSQL storage, with one change: registering a recurring job that another node
 * registered at the same moment succeeds. JobRunr saves a recurring job by looking for its row and
 * then inserting or updating it, so two worker nodes starting together both insert and one fails on
 * the primary key, which stopped that node's start-up (found by bench/chaos.sh). The row then
 * exists, and saving again updates it.
 *
 * <p>It can also write a new job on a connection it is handed, inside that connection's transaction
 * ({@link JobsInTransaction}, ADR 0043): JobRunr's own {@code save} takes a connection of its own and
 * commits.
 *
 * <p>It counts the fetches of enqueued jobs begun, so that {@link JobWakeUp} can tell whether its
 * look fetched (ADR 0039).
 *
 * <p>Its fetch of enqueued jobs reads JobRunr's {@code (state, updatedAt)} index in order whatever the
 * table's statistics say ({@link #FETCH_IN_INDEX_ORDER}, ADR 0087): statistics taken while the queue
 * was nearly empty made PostgreSQL sort every enqueued job on each fetch of eight once a backlog came.
 */
final class JobStorage extends PostgresStorageProvider {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String INSERT = "INSERT INTO jobrunr_jobs (id, version, jobAsJson, jobSignature, state,"
            + " createdAt, updatedAt, scheduledAt, recurringJobId) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Run in the fetch's transaction, before JobRunr's {@code SELECT … WHERE state = ? ORDER BY updatedAt
     * LIMIT ? FOR UPDATE SKIP LOCKED}: without a sort the one plan left is the index scan that stops
     * after the first few rows. With statistics taken on a nearly empty queue PostgreSQL estimated a
     * handful of ENQUEUED rows and chose to collect and sort them all (a backlog of 111,000 runs:
     * about 500–625 ms a fetch, ~10 runs/s drained; in index order 0.1–0.9 ms).
     */
    static final String FETCH_IN_INDEX_ORDER = "SET LOCAL enable_sort = off";

    private final AtomicLong fetchesBegun = new AtomicLong();
    private JobMapper jobMapper;

    JobStorage(DataSource dataSource) {
        super(dataSource, DatabaseOptions.SKIP_CREATE);
    }

    @Override
    public List<Job> getJobsToProcess(BackgroundJobServer backgroundJobServer, AmountRequest amountRequest) {
        fetchesBegun.incrementAndGet();
        return super.getJobsToProcess(backgroundJobServer, amountRequest);
    }

    @Override
    public void setJobMapper(JobMapper jobMapper) {
        super.setJobMapper(jobMapper);
        this.jobMapper = jobMapper;
    }

    /** JobRunr's job table, whose fetch of jobs to process reads its index in order. */
    @Override
    protected JobTable jobTable(Connection connection) {
        return new JobTable(connection, dialect, tablePrefix, jobMapper) {
            @Override
            public List<Job> selectJobsToProcess(AmountRequest amountRequest) {
                try (Statement setting = connection.createStatement()) {
                    setting.execute(FETCH_IN_INDEX_ORDER);
                } catch (SQLException e) {
                    throw new StorageException(e);
                }
                return super.selectJobsToProcess(amountRequest);
            }
        };
    }

    /** How many fetches of enqueued jobs this node has begun. */
    long fetchesBegun() {
        return fetchesBegun.get();
    }

    @Override
    public RecurringJob saveRecurringJob(RecurringJob recurringJob) {
        try {
            return super.saveRecurringJob(recurringJob);
        } catch (StorageException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return super.saveRecurringJob(recurringJob);
        }
    }

    /**
     * Inserts a new job on {@code connection}; the caller's transaction commits or rolls it back. The
     * row JobRunr's own {@code save} writes for a new job (version 1, the same columns and values),
     * through one prepared statement rather than JobRunr's named parameters looked up by reflection
     * and a calendar per timestamp; {@code json} gives the job's JSON once its version is set.
     */
    void insertOn(Connection connection, Job job, Function<Job, String> json) {
        try (JobVersioner versioner = new JobVersioner(job)) {
            if (!versioner.isNewJob()) {
                throw new IllegalArgumentException("job " + job.getId() + " is not new");
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, job.getId().toString());
                insert.setInt(2, job.getVersion());
                insert.setString(3, json.apply(job));
                insert.setString(4, job.getJobSignature());
                insert.setString(5, job.getState().name());
                insert.setObject(6, utc(job.getCreatedAt()));
                insert.setObject(7, utc(job.getUpdatedAt()));
                Instant scheduledAt = job.getLastJobStateOfType(SchedulableState.class)
                        .map(SchedulableState::getScheduledAt)
                        .orElse(null);
                if (scheduledAt == null) {
                    insert.setNull(8, Types.TIMESTAMP);
                } else {
                    insert.setObject(8, utc(scheduledAt));
                }
                insert.setString(9, job.getRecurringJobId().orElse(null));
                insert.executeUpdate();
            }
            versioner.commitVersion();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** JobRunr keeps its timestamps as UTC wall-clock times in columns without a time zone. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
