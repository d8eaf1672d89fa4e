package com.careerai.courses;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.web.PageReads;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;

/**
 * The university's cohorts (a course's batch and its enrolled students) for other features that
 * address them, such as staff announcements to one cohort (issue 14: "a cohort when cohorts
 * exist"). Read-only; each query is scoped by the university and pages by user id.
 */
@Singleton
public class Cohorts {
    /** Cohorts a staff member can choose from: batches that have not ended long ago. */
    static final int OFFERED = 200;

    /** One cohort as a picker shows it ("Data Analytics Bootcamp — Spring 2027"). */
    public record Cohort(long batchId, String label, long members) {}

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final PageReads reads;

    Cohorts(JdbcOperations jdbc, TransactionOperations<Connection> transactions, PageReads reads) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.reads = reads;
    }

    /** Batches of the university that end today or later, soonest start first, with active members. */
    public List<Cohort> current(long universityId) {
        return reads.read(currentRead(universityId));
    }

    /** What {@link #current} reads, for a page to read ahead with others (ADR 0076). */
    public PageRead<List<Cohort>> currentRead(long universityId) {
        return PageRead.list(
                "courses.current-cohorts:" + universityId,
                "SELECT b.id, c.title || ' — ' || b.name AS label,"
                        + " (SELECT count(*) FROM enrolments e WHERE e.university_id = b.university_id"
                        + " AND e.batch_id = b.id AND e.status = 'ACTIVE') AS members"
                        + " FROM batches b JOIN courses c ON c.university_id = b.university_id AND c.id = b.course_id"
                        + " WHERE b.university_id = ? AND b.ends_on >= current_date"
                        + " ORDER BY b.starts_on, b.id LIMIT " + OFFERED,
                SqlRows.parameters(universityId),
                row -> new Cohort(row.getLong("id"), row.getString("label"), row.getLong("members")));
    }

    /** The cohort's name ("Course — Batch"), also once it has ended; empty when it is not the university's. */
    public java.util.Optional<String> label(long universityId, long batchId) {
        return transactions.executeRead(status -> SqlRows.optional(
                jdbc,
                "SELECT c.title || ' — ' || b.name FROM batches b"
                        + " JOIN courses c ON c.university_id = b.university_id AND c.id = b.course_id"
                        + " WHERE b.university_id = ? AND b.id = ?",
                SqlRows.parameters(universityId, batchId),
                row -> row.getString(1)));
    }

    /** Whether the batch is one of the university's. */
    public boolean exists(long universityId, long batchId) {
        return transactions.executeRead(status -> SqlRows.optional(
                        jdbc,
                        "SELECT 1 FROM batches WHERE university_id = ? AND id = ?",
                        SqlRows.parameters(universityId, batchId),
                        row -> true)
                .isPresent());
    }

    /** Active members of the batch with a user id above {@code afterUserId}, ascending, at most {@code limit}. */
    public List<Long> membersAfter(long universityId, long batchId, long afterUserId, int limit) {
        return transactions.executeRead(status -> SqlRows.list(
                jdbc,
                "SELECT user_id FROM enrolments WHERE university_id = ? AND batch_id = ? AND status = 'ACTIVE'"
                        + " AND user_id > ? ORDER BY user_id LIMIT ?",
                SqlRows.parameters(universityId, batchId, afterUserId, limit),
                row -> row.getLong(1)));
    }
}
