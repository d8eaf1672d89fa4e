package com.careerai.platform.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.storage.StorageException;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
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
 */
final class JobStorage extends PostgresStorageProvider {
    private static final String UNIQUE_VIOLATION = "23505";

    JobStorage(DataSource dataSource) {
        super(dataSource, DatabaseOptions.SKIP_CREATE);
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

    /** Inserts a new job on {@code connection}; the caller's transaction commits or rolls it back. */
    void insertOn(Connection connection, Job job) {
        try {
            jobTable(connection).save(job);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
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
