package com.careerai.credits;

import com.careerai.auth.UserAccounts;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.web.PageReads;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jobrunr.scheduling.JobRequestScheduler;

/** "Grant N credits to every student": a batch row, a JobRunr job, progress for the staff page. */
@Singleton
public class BulkGrants {
    private static final String BATCH_COLUMNS =
            "id, actor, currency, amount, reason, status, total, processed," + " granted, created_at, finished_at";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final LedgerStore store;
    private final UserAccounts users;
    private final AuditLog auditLog;
    private final JobRequestScheduler scheduler;
    private final CreditsConfiguration configuration;
    private final PageReads reads;

    BulkGrants(
            JdbcOperations jdbc,
            TransactionOperations<Connection> transactions,
            LedgerStore store,
            UserAccounts users,
            AuditLog auditLog,
            JobRequestScheduler scheduler,
            CreditsConfiguration configuration,
            PageReads reads) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.store = store;
        this.users = users;
        this.auditLog = auditLog;
        this.scheduler = scheduler;
        this.configuration = configuration;
        this.reads = reads;
    }

    /**
     * Starts granting {@code amount} credits to every student. {@code formKey} is the form's
     * idempotency key: submitting it twice starts one grant. The batch id — which is also the
     * JobRunr job id, global across universities — is generated here, never taken from the
     * request, so no form can name (and so pre-empt or collide with) another job. Audited. The
     * job is enqueued after the batch row commits.
     */
    public GrantBatch start(
            long universityId, String actor, Currency currency, int amount, String reason, UUID formKey) {
        if (amount <= 0 || amount > configuration.getMaxAmount()) {
            throw new CreditOperationException(
                    CreditErrorCode.INVALID_AMOUNT,
                    "amount",
                    "Enter a whole number from 1 to " + configuration.getMaxAmount() + ".");
        }
        String why = Wallets.requireReason(reason);
        UUID newId = UUID.randomUUID();
        GrantBatch batch = transactions.executeWrite(status -> {
            int created = jdbc.prepareStatement(
                    "INSERT INTO credit_grant_batches"
                            + " (university_id, id, form_key, actor, currency, amount, reason, total)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (university_id, form_key) DO NOTHING",
                    statement -> {
                        statement.setLong(1, universityId);
                        statement.setObject(2, newId);
                        statement.setObject(3, formKey);
                        statement.setString(4, actor);
                        statement.setString(5, currency.name());
                        statement.setInt(6, amount);
                        statement.setString(7, why);
                        statement.setInt(8, (int) users.countStudents(universityId));
                        return statement.executeUpdate();
                    });
            UUID batchId = created == 1 ? newId : idOfFormKey(universityId, formKey);
            if (created == 1) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("batch", batchId.toString());
                details.put("currency", currency.name());
                details.put("amount", amount);
                details.put("reason", why);
                auditLog.record(universityId, actor, "credits.bulk_grant.started", details);
            }
            return find(universityId, batchId).orElseThrow();
        });
        if (!batch.done()) {
            // JobRunr ignores a job id it already has, so a repeated submit cannot run it twice.
            scheduler.enqueue(
                    batch.id(),
                    new GrantToAllStudentsJobRequest(
                            universityId, batch.id(), batch.actor(), batch.currency(), batch.amount(), batch.reason()));
        }
        return batch;
    }

    private UUID idOfFormKey(long universityId, UUID formKey) {
        return jdbc.prepareStatement(
                "SELECT id FROM credit_grant_batches WHERE university_id = ? AND form_key = ?", statement -> {
                    statement.setLong(1, universityId);
                    statement.setObject(2, formKey);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getObject(1, UUID.class);
                    }
                });
    }

    @Connectable
    public Optional<GrantBatch> find(long universityId, UUID batchId) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + BATCH_COLUMNS + " FROM credit_grant_batches WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, batchId),
                BulkGrants::batch);
    }

    /** The university's latest grants, newest first. */
    public List<GrantBatch> recent(long universityId, int limit) {
        return reads.read(recentRead(universityId, limit));
    }

    /** What {@link #recent} reads, for a page to send with its other reads (ADR 0076). */
    public static PageRead<List<GrantBatch>> recentRead(long universityId, int limit) {
        return PageRead.list(
                "credits.grant-batches:" + universityId + ":" + limit,
                "SELECT " + BATCH_COLUMNS + " FROM credit_grant_batches WHERE university_id = ?"
                        + " ORDER BY created_at DESC" + SqlRows.limit(limit, 0),
                SqlRows.parameters(universityId),
                BulkGrants::batch);
    }

    /**
     * Grants the next chunk of students of the batch in one transaction, advancing its progress
     * in the same transaction; false once every student has been processed.
     */
    boolean grantNextChunk(GrantToAllStudentsJobRequest request) {
        long universityId = request.universityId();
        return transactions.executeWrite(status -> {
            Long cursor = jdbc.prepareStatement(
                    "SELECT last_user_id FROM credit_grant_batches WHERE university_id = ? AND id = ?"
                            + " AND status <> 'DONE' FOR UPDATE",
                    statement -> {
                        statement.setLong(1, universityId);
                        statement.setObject(2, request.batchId());
                        try (ResultSet rows = statement.executeQuery()) {
                            return rows.next() ? rows.getLong(1) : null;
                        }
                    });
            if (cursor == null) {
                return false; // done already (or never created)
            }
            List<Long> students = users.studentIdsAfter(universityId, cursor, configuration.getGrantChunkSize());
            int granted = 0;
            if (!students.isEmpty()) {
                store.openWallets(universityId, students);
                store.lockWallets(universityId, students);
                Map<String, Object> metadata = new LinkedHashMap<>();
                metadata.put(LedgerEntry.ACTOR, request.actor());
                metadata.put(LedgerEntry.REASON, request.reason());
                metadata.put("batch", request.batchId().toString());
                granted = store.grantEach(
                        universityId,
                        students,
                        request.currency(),
                        request.amount(),
                        "grant:" + request.batchId() + ":",
                        metadata);
            }
            boolean finished = students.size() < configuration.getGrantChunkSize();
            long last = students.isEmpty() ? cursor : students.get(students.size() - 1);
            int processed = students.size();
            int grantedNow = granted;
            jdbc.prepareStatement(
                    "UPDATE credit_grant_batches SET last_user_id = ?, processed = processed + ?,"
                            + " granted = granted + ?, status = ?,"
                            + " total = CASE WHEN ? THEN GREATEST(total, processed + ?) ELSE total END,"
                            + " finished_at = CASE WHEN ? THEN now() END"
                            + " WHERE university_id = ? AND id = ?",
                    statement -> {
                        statement.setLong(1, last);
                        statement.setInt(2, processed);
                        statement.setInt(3, grantedNow);
                        statement.setString(4, finished ? "DONE" : "RUNNING");
                        statement.setBoolean(5, finished);
                        statement.setInt(6, processed);
                        statement.setBoolean(7, finished);
                        statement.setLong(8, universityId);
                        statement.setObject(9, request.batchId());
                        return statement.executeUpdate();
                    });
            return !finished;
        });
    }

    private static GrantBatch batch(ResultSet rows) throws SQLException {
        OffsetDateTime finished = rows.getObject("finished_at", OffsetDateTime.class);
        return new GrantBatch(
                rows.getObject("id", UUID.class),
                rows.getString("actor"),
                Currency.valueOf(rows.getString("currency")),
                rows.getInt("amount"),
                rows.getString("reason"),
                rows.getString("status"),
                rows.getInt("total"),
                rows.getInt("processed"),
                rows.getInt("granted"),
                rows.getObject("created_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
