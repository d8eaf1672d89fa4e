package com.careerai.ai;

import com.careerai.platform.data.SqlRows;
import com.careerai.platform.data.UnitOfWork;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds the runs of the days that are over into staff analytics' counters (V105, ADR 0080): for a
 * university, the runs of the days after its mark up to two days ago (UTC) are counted per (day,
 * tool, slot) into {@code ai_run_days} and per (week or month, tool, student) into
 * {@code ai_run_students}, and the mark moves. The counts are written, not added, so folding again
 * changes nothing. Runs of the days after the mark are read live ({@link RunFigureSource}); a change
 * to a run of a folded day is corrected by V105's triggers.
 */
@Singleton
public class RunCounterFolds {
    private static final Logger LOG = LoggerFactory.getLogger(RunCounterFolds.class);
    /** The university's mark; {@code -infinity} when nothing is folded yet. */
    private static final String AFTER = "ai_run_folded_through(?)";
    /**
     * Up to {@code ?} (NULL: no limit of its own), never past two days ago: the triggers correct the
     * runs of days before today only ({@code least} leaves out a NULL).
     */
    private static final String THROUGH = "least(?::date, (now() AT TIME ZONE 'UTC')::date - 2)";

    /** The runs of the days being folded, of the university {@code ?} (three parameters: u, u, through). */
    private static final String DAYS_TO_FOLD = " WHERE r.university_id = ?"
            + " AND r.created_at >= (" + AFTER + " + 1)::timestamp AT TIME ZONE 'UTC'"
            + " AND r.created_at < (" + THROUGH + " + 1)::timestamp AT TIME ZONE 'UTC'";

    /** V105's deferred correction triggers. */
    private static final String CORRECTIONS =
            "ai_runs_corrected_insert, ai_runs_corrected_delete, ai_runs_corrected_update";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final UnitOfWork units;

    RunCounterFolds(JdbcOperations jdbc, TransactionOperations<Connection> transactions, UnitOfWork units) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.units = units;
    }

    /**
     * Folds every university whose mark is before two days ago; returns how many it folded. One that
     * fails (offboarded meanwhile, say) does not stop the others: the failures are logged and, at the
     * end, thrown as one, so that the job is marked failed and retried.
     */
    int foldBehind() {
        // read in a transaction of its own, bound to no university; each fold then binds its own
        List<Long> behind = transactions.executeRead(status -> SqlRows.list(
                jdbc,
                "SELECT university_id FROM platform_ai_run_folds_behind()",
                SqlRows.parameters(),
                row -> row.getLong(1)));
        IllegalStateException failed = null;
        for (long universityId : behind) {
            try {
                fold(universityId, null);
            } catch (RuntimeException e) {
                LOG.warn("Folding the AI run counters of university {} failed", universityId, e);
                if (failed == null) {
                    failed = new IllegalStateException("folding the AI run counters failed for some universities");
                }
                failed.addSuppressed(e);
            }
        }
        if (failed != null) {
            throw failed;
        }
        return behind.size();
    }

    /**
     * Folds the university's days up to {@code through} (null: as far as allowed; never past two
     * days ago, nor back before its mark), in one transaction of that university; returns its mark.
     */
    public LocalDate fold(long universityId, LocalDate through) {
        return units.inUniversity(universityId, () -> {
            // Corrections this transaction has queued (runs it changed before folding) are applied
            // now, against the mark they were made under, so the fold neither misses nor repeats them.
            SqlRows.update(jdbc, "SET CONSTRAINTS " + CORRECTIONS + " IMMEDIATE", SqlRows.parameters());
            SqlRows.single(jdbc, "SELECT ai_run_folds_lock(?)", SqlRows.parameters(universityId), row -> true);
            SqlRows.update(
                    jdbc,
                    "DELETE FROM ai_run_days WHERE university_id = ? AND day > " + AFTER + " AND day <= " + THROUGH,
                    SqlRows.parameters(universityId, universityId, through));
            SqlRows.update(
                    jdbc,
                    "INSERT INTO ai_run_days (university_id, day, tool, slot, in_progress, succeeded, failed)"
                            + " SELECT r.university_id, (r.created_at AT TIME ZONE 'UTC')::date, r.tool,"
                            + " hashtext(r.id::text) & 7, count(*) FILTER (WHERE ai_run_outcome(r.status) = 0),"
                            + " count(*) FILTER (WHERE ai_run_outcome(r.status) = 1),"
                            + " count(*) FILTER (WHERE ai_run_outcome(r.status) = 2) FROM ai_runs r"
                            + DAYS_TO_FOLD
                            + " GROUP BY 1, 2, 3, 4",
                    SqlRows.parameters(universityId, universityId, through));
            SqlRows.update(
                    jdbc,
                    "INSERT INTO ai_run_students (university_id, unit, starts_on, tool, user_id)"
                            + " SELECT DISTINCT r.university_id, u.unit,"
                            + " date_trunc(u.unit, r.created_at AT TIME ZONE 'UTC')::date, r.tool, r.user_id"
                            + " FROM ai_runs r CROSS JOIN (VALUES ('week'), ('month')) AS u (unit)"
                            + DAYS_TO_FOLD
                            + " ON CONFLICT DO NOTHING",
                    SqlRows.parameters(universityId, universityId, through));
            return SqlRows.single(
                    jdbc,
                    "INSERT INTO ai_run_folds (university_id, folded_through)"
                            + " VALUES (?, greatest(" + AFTER + ", " + THROUGH + "))"
                            + " ON CONFLICT (university_id) DO UPDATE SET folded_through = excluded.folded_through"
                            + " RETURNING folded_through",
                    SqlRows.parameters(universityId, universityId, through),
                    row -> row.getObject(1, LocalDate.class));
        });
    }
}
