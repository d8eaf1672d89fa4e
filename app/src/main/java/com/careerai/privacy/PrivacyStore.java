package com.careerai.privacy;

import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code data_exports} and {@code account_deletions}; runs in the caller's transaction. */
@Singleton
class PrivacyStore {
    private static final String EXPORT_COLUMNS = "id, user_id, requested_by, status, parts_done, parts_total,"
            + " storage_key, size_bytes, created_at, ready_at, expires_at FROM data_exports";
    private static final String DELETION_COLUMNS = "user_id, status, requested_by, requested_at, confirmed_at,"
            + " erase_at, cancelled_at, erased_at FROM account_deletions";

    private final JdbcOperations jdbc;

    PrivacyStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    DataExport insertExport(long universityId, UUID id, long userId, long requestedBy, int partsTotal) {
        SqlRows.update(
                jdbc,
                "INSERT INTO data_exports (university_id, id, user_id, requested_by, parts_total) VALUES (?, ?, ?, ?, ?)",
                SqlRows.parameters(universityId, id, userId, requestedBy, partsTotal));
        return findExport(universityId, id).orElseThrow();
    }

    Optional<DataExport> findExport(long universityId, UUID id) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + EXPORT_COLUMNS + " WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, id),
                PrivacyStore::export);
    }

    List<DataExport> exportsOf(long universityId, long userId, int limit) {
        return SqlRows.list(
                jdbc,
                "SELECT " + EXPORT_COLUMNS
                        + " WHERE university_id = ? AND user_id = ? ORDER BY created_at DESC LIMIT ?",
                SqlRows.parameters(universityId, userId, limit),
                PrivacyStore::export);
    }

    void progress(long universityId, UUID id, int partsDone) {
        SqlRows.update(
                jdbc,
                "UPDATE data_exports SET parts_done = ? WHERE university_id = ? AND id = ? AND status = 'PENDING'",
                SqlRows.parameters(partsDone, universityId, id));
    }

    boolean ready(long universityId, UUID id, String storageKey, long size, Instant expiresAt) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE data_exports SET status = 'READY', parts_done = parts_total, storage_key = ?,"
                                + " size_bytes = ?, ready_at = now(), expires_at = ?"
                                + " WHERE university_id = ? AND id = ? AND status = 'PENDING'",
                        SqlRows.parameters(storageKey, size, Timestamp.from(expiresAt), universityId, id))
                == 1;
    }

    void failed(long universityId, UUID id) {
        SqlRows.update(
                jdbc,
                "UPDATE data_exports SET status = 'FAILED' WHERE university_id = ? AND id = ? AND status = 'PENDING'",
                SqlRows.parameters(universityId, id));
    }

    /** READY exports whose week is over, locked for the caller. */
    List<DataExport> expiring(long universityId, Instant now, int limit) {
        return SqlRows.list(
                jdbc,
                "SELECT " + EXPORT_COLUMNS + " WHERE university_id = ? AND status = 'READY' AND expires_at <= ?"
                        + " ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED",
                SqlRows.parameters(universityId, Timestamp.from(now), limit),
                PrivacyStore::export);
    }

    List<DataExport> storedOf(long universityId, long userId) {
        return SqlRows.list(
                jdbc,
                "SELECT " + EXPORT_COLUMNS
                        + " WHERE university_id = ? AND user_id = ? AND status IN ('READY', 'PENDING')" + " FOR UPDATE",
                SqlRows.parameters(universityId, userId),
                PrivacyStore::export);
    }

    void expire(long universityId, UUID id) {
        SqlRows.update(
                jdbc,
                "UPDATE data_exports SET status = 'EXPIRED', storage_key = NULL"
                        + " WHERE university_id = ? AND id = ? AND status IN ('READY', 'PENDING')",
                SqlRows.parameters(universityId, id));
    }

    Optional<AccountDeletion> deletionOf(long universityId, long userId) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + DELETION_COLUMNS + " WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId),
                PrivacyStore::deletion);
    }

    Optional<AccountDeletion> lockDeletion(long universityId, long userId) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + DELETION_COLUMNS + " WHERE university_id = ? AND user_id = ? FOR UPDATE",
                SqlRows.parameters(universityId, userId),
                PrivacyStore::deletion);
    }

    /** Starts (or restarts) a request; refused by the caller when one is scheduled or done. */
    void awaitCode(long universityId, long userId, long requestedBy) {
        SqlRows.update(
                jdbc,
                "INSERT INTO account_deletions (university_id, user_id, status, requested_by) VALUES (?, ?, 'AWAITING_CODE', ?)"
                        + " ON CONFLICT (university_id, user_id) DO UPDATE SET status = 'AWAITING_CODE',"
                        + " requested_by = excluded.requested_by, requested_at = now(), confirmed_at = NULL,"
                        + " erase_at = NULL, cancelled_at = NULL"
                        + " WHERE account_deletions.status IN ('AWAITING_CODE', 'CANCELLED')",
                SqlRows.parameters(universityId, userId, requestedBy));
    }

    /** Schedules the erasure unless the account is erased already; true when it did. */
    boolean schedule(long universityId, long userId, long requestedBy, Instant eraseAt) {
        return SqlRows.update(
                        jdbc,
                        "INSERT INTO account_deletions (university_id, user_id, status, requested_by, confirmed_at, erase_at)"
                                + " VALUES (?, ?, 'SCHEDULED', ?, now(), ?)"
                                + " ON CONFLICT (university_id, user_id) DO UPDATE SET status = 'SCHEDULED',"
                                + " requested_by = excluded.requested_by, confirmed_at = now(), erase_at = excluded.erase_at,"
                                + " cancelled_at = NULL WHERE account_deletions.status <> 'ERASED'",
                        SqlRows.parameters(universityId, userId, requestedBy, Timestamp.from(eraseAt)))
                == 1;
    }

    void cancel(long universityId, long userId) {
        SqlRows.update(
                jdbc,
                "UPDATE account_deletions SET status = 'CANCELLED', cancelled_at = now()"
                        + " WHERE university_id = ? AND user_id = ? AND status IN ('AWAITING_CODE', 'SCHEDULED')",
                SqlRows.parameters(universityId, userId));
    }

    void erased(long universityId, long userId) {
        SqlRows.update(
                jdbc,
                "UPDATE account_deletions SET status = 'ERASED', erased_at = now()"
                        + " WHERE university_id = ? AND user_id = ? AND status = 'SCHEDULED'",
                SqlRows.parameters(universityId, userId));
    }

    List<Long> dueForErasure(long universityId, Instant now, int limit) {
        return SqlRows.list(
                jdbc,
                "SELECT user_id FROM account_deletions WHERE university_id = ? AND status = 'SCHEDULED'"
                        + " AND erase_at <= ? ORDER BY erase_at LIMIT ?",
                SqlRows.parameters(universityId, Timestamp.from(now), limit),
                row -> row.getLong(1));
    }

    private static DataExport export(ResultSet row) throws SQLException {
        Long size = row.getObject("size_bytes") == null ? null : row.getLong("size_bytes");
        return new DataExport(
                row.getObject("id", UUID.class),
                row.getLong("user_id"),
                row.getLong("requested_by"),
                DataExport.Status.valueOf(row.getString("status")),
                row.getInt("parts_done"),
                row.getInt("parts_total"),
                row.getString("storage_key"),
                size,
                row.getTimestamp("created_at").toInstant(),
                instant(row, "ready_at"),
                instant(row, "expires_at"));
    }

    private static AccountDeletion deletion(ResultSet row) throws SQLException {
        return new AccountDeletion(
                row.getLong("user_id"),
                AccountDeletion.Status.valueOf(row.getString("status")),
                row.getLong("requested_by"),
                row.getTimestamp("requested_at").toInstant(),
                instant(row, "confirmed_at"),
                instant(row, "erase_at"),
                instant(row, "cancelled_at"),
                instant(row, "erased_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
