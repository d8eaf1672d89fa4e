package com.careerai.billing;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The SQL of {@code payment_refunds}: staff refunds, scoped by university. Joins the caller's transaction. */
@Singleton
class RefundStore {
    private static final String COLUMNS = "university_id, id, payment_id, amount_cents, reason, requested_by, status,"
            + " provider_refund_id, failure, created_at";

    private final JdbcOperations jdbc;

    RefundStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One staff refund. {@code status}: REQUESTED, PENDING, SUCCEEDED or FAILED. */
    record StaffRefund(
            long universityId,
            UUID id,
            UUID paymentId,
            long amountCents,
            String reason,
            long requestedBy,
            String status,
            @Nullable String providerRefundId,
            @Nullable String failure,
            Instant createdAt) {}

    void insert(long universityId, UUID id, UUID paymentId, long amountCents, String reason, long requestedBy) {
        SqlRows.update(
                jdbc,
                "INSERT INTO payment_refunds (university_id, id, payment_id, amount_cents, reason, requested_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                SqlRows.parameters(universityId, id, paymentId, amountCents, reason, requestedBy));
    }

    void answer(
            long universityId, UUID id, String status, @Nullable String providerRefundId, @Nullable String failure) {
        SqlRows.update(
                jdbc,
                "UPDATE payment_refunds SET status = ?, provider_refund_id = COALESCE(?, provider_refund_id),"
                        + " failure = ?, updated_at = now() WHERE university_id = ? AND id = ?",
                statement -> {
                    statement.setString(1, status);
                    statement.setString(2, providerRefundId);
                    statement.setString(3, failure);
                    statement.setLong(4, universityId);
                    statement.setObject(5, id);
                });
    }

    /**
     * Cents asked for in the last 10 minutes and not answered yet (not in refunded_cents yet). An
     * older unanswered row was left by a crash mid-call: if Stripe did refund it, its
     * charge.refunded webhook has recorded the total by now; if not, staff may refund again.
     */
    long outstanding(long universityId, UUID paymentId) {
        return SqlRows.single(
                jdbc,
                "SELECT coalesce(sum(amount_cents), 0) FROM payment_refunds WHERE university_id = ? AND payment_id = ?"
                        + " AND status = 'REQUESTED' AND created_at > now() - interval '10 minutes'",
                SqlRows.parameters(universityId, paymentId),
                rows -> rows.getLong(1));
    }

    /** A payment's refunds, newest first, as a page's read (ADR 0076). */
    static PageRead<List<StaffRefund>> ofPaymentRead(long universityId, UUID paymentId) {
        return PageRead.list(
                "billing.refunds-of-payment:" + universityId + ":" + paymentId,
                "SELECT " + COLUMNS + " FROM payment_refunds WHERE university_id = ? AND payment_id = ?"
                        + " ORDER BY created_at DESC, id",
                SqlRows.parameters(universityId, paymentId),
                RefundStore::refund);
    }

    private static StaffRefund refund(ResultSet rows) throws SQLException {
        return new StaffRefund(
                rows.getLong("university_id"),
                rows.getObject("id", UUID.class),
                rows.getObject("payment_id", UUID.class),
                rows.getLong("amount_cents"),
                rows.getString("reason"),
                rows.getLong("requested_by"),
                rows.getString("status"),
                rows.getString("provider_refund_id"),
                rows.getString("failure"),
                rows.getTimestamp("created_at").toInstant());
    }
}
