package com.careerai.courses;

import com.careerai.credits.Currency;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The SQL of enrolments and place reservations; every statement names {@code university_id}. */
@Singleton
class EnrolmentStore {
    private static final String COLUMNS = "university_id, id, batch_id, user_id, status, reference, payment,"
            + " credits_currency, credits, amount_cents, currency, payment_id, offered_until, created_at";

    private final JdbcOperations jdbc;

    EnrolmentStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A new enrolment; its reference is made here so a payment can name it before the row exists. */
    Enrolment insert(
            long universityId,
            long batchId,
            long userId,
            Enrolment.Status status,
            UUID reference,
            @Nullable Enrolment.Payment payment,
            @Nullable Currency creditsCurrency,
            int credits,
            long amountCents,
            @Nullable String currency,
            @Nullable UUID paymentId) {
        return SqlRows.single(
                jdbc,
                "INSERT INTO enrolments (university_id, batch_id, user_id, status, reference, payment, credits_currency,"
                        + " credits, amount_cents, currency, payment_id, activated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? = 'ACTIVE' THEN now() END)"
                        + " RETURNING " + COLUMNS,
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, batchId);
                    statement.setLong(3, userId);
                    statement.setString(4, status.name());
                    statement.setObject(5, reference);
                    statement.setString(6, payment == null ? null : payment.name());
                    statement.setString(7, creditsCurrency == null ? null : creditsCurrency.name());
                    statement.setInt(8, credits);
                    statement.setLong(9, amountCents);
                    statement.setString(10, currency);
                    statement.setObject(11, paymentId, Types.OTHER);
                    statement.setString(12, status.name());
                },
                EnrolmentStore::enrolment);
    }

    Optional<Enrolment> find(long universityId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + COLUMNS + " FROM enrolments WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, id),
                EnrolmentStore::enrolment);
    }

    /** The row, locked until the transaction ends. */
    Optional<Enrolment> lock(long universityId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + COLUMNS + " FROM enrolments WHERE university_id = ? AND id = ? FOR UPDATE",
                SqlRows.parameters(universityId, id),
                EnrolmentStore::enrolment);
    }

    Optional<Enrolment> lockByPayment(long universityId, UUID paymentId) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + COLUMNS + " FROM enrolments WHERE university_id = ? AND payment_id = ? FOR UPDATE",
                SqlRows.parameters(universityId, paymentId),
                EnrolmentStore::enrolment);
    }

    /** The student's enrolment in the batch that is not cancelled, if any. */
    Optional<Enrolment> live(long universityId, long batchId, long userId) {
        return liveRead(universityId, batchId, userId).runOn(jdbc);
    }

    /** A student's live (not cancelled) enrolment in a batch, as a page's read (ADR 0076). */
    static PageRead<Optional<Enrolment>> liveRead(long universityId, long batchId, long userId) {
        return PageRead.optional(
                "courses.live-enrolment:" + universityId + ":" + batchId + ":" + userId,
                "SELECT " + COLUMNS + " FROM enrolments WHERE university_id = ? AND batch_id = ? AND user_id = ?"
                        + " AND status <> 'CANCELLED'",
                SqlRows.parameters(universityId, batchId, userId),
                EnrolmentStore::enrolment);
    }

    /** A student's live (not cancelled) enrolments in a course's batches, by batch, as a page's read (ADR 0076). */
    static PageRead<Map<Long, Enrolment>> liveInCourseRead(long universityId, long courseId, long userId) {
        return new PageRead<>(
                "courses.live-in-course:" + universityId + ":" + courseId + ":" + userId,
                "SELECT " + COLUMNS + " FROM enrolments WHERE university_id = ? AND user_id = ?"
                        + " AND status <> 'CANCELLED' AND batch_id IN"
                        + " (SELECT id FROM batches WHERE university_id = ? AND course_id = ?)",
                SqlRows.parameters(universityId, userId, universityId, courseId),
                rows -> {
                    Map<Long, Enrolment> byBatch = new LinkedHashMap<>();
                    while (rows.next()) {
                        Enrolment enrolment = enrolment(rows);
                        byBatch.put(enrolment.batchId(), enrolment); // one live enrolment a batch (enrolments_live)
                    }
                    return Map.copyOf(byBatch);
                });
    }

    List<Enrolment> ofUser(long universityId, long userId, int limit) {
        return SqlRows.list(
                jdbc,
                "SELECT " + COLUMNS + " FROM enrolments WHERE university_id = ? AND user_id = ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                SqlRows.parameters(universityId, userId, limit),
                EnrolmentStore::enrolment);
    }

    List<Enrolment> ofBatch(long universityId, long batchId) {
        return ofBatchRead(universityId, batchId).runOn(jdbc);
    }

    /** A batch's enrolments, any status, oldest first, as a page's read (ADR 0076). */
    static PageRead<List<Enrolment>> ofBatchRead(long universityId, long batchId) {
        return PageRead.list(
                "courses.enrolments-of-batch:" + universityId + ":" + batchId,
                "SELECT " + COLUMNS + " FROM enrolments WHERE university_id = ? AND batch_id = ?"
                        + " ORDER BY created_at, id",
                SqlRows.parameters(universityId, batchId),
                EnrolmentStore::enrolment);
    }

    /** The first student waiting for a place, locked (others offering at once skip it). */
    Optional<Enrolment> lockFirstWaiting(long universityId, long batchId) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + COLUMNS
                        + " FROM enrolments WHERE university_id = ? AND batch_id = ? AND status = 'WAITLISTED'"
                        + " ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED",
                SqlRows.parameters(universityId, batchId),
                EnrolmentStore::enrolment);
    }

    void activate(long universityId, long id) {
        SqlRows.update(
                jdbc,
                "UPDATE enrolments SET status = 'ACTIVE', offered_until = NULL, activated_at = now()"
                        + " WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, id));
    }

    /** Records how an offered place is being paid for and its new status (ACTIVE or PENDING). */
    void pay(
            long universityId,
            long id,
            Enrolment.Status status,
            Enrolment.Payment payment,
            @Nullable Currency creditsCurrency,
            int credits,
            long amountCents,
            @Nullable String currency,
            @Nullable UUID paymentId) {
        SqlRows.update(
                jdbc,
                "UPDATE enrolments SET status = ?, offered_until = NULL, payment = ?, credits_currency = ?, credits = ?,"
                        + " amount_cents = ?, currency = ?, payment_id = ?,"
                        + " activated_at = CASE WHEN ? = 'ACTIVE' THEN now() END WHERE university_id = ? AND id = ?",
                statement -> {
                    statement.setString(1, status.name());
                    statement.setString(2, payment.name());
                    statement.setString(3, creditsCurrency == null ? null : creditsCurrency.name());
                    statement.setInt(4, credits);
                    statement.setLong(5, amountCents);
                    statement.setString(6, currency);
                    statement.setObject(7, paymentId, Types.OTHER);
                    statement.setString(8, status.name());
                    statement.setLong(9, universityId);
                    statement.setLong(10, id);
                });
    }

    void offer(long universityId, long id, Instant until) {
        SqlRows.update(
                jdbc,
                "UPDATE enrolments SET status = 'OFFERED', offered_until = ? WHERE university_id = ? AND id = ?",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(until));
                    statement.setLong(2, universityId);
                    statement.setLong(3, id);
                });
    }

    void cancel(long universityId, long id, String reason) {
        SqlRows.update(
                jdbc,
                "UPDATE enrolments SET status = 'CANCELLED', offered_until = NULL, cancel_reason = ?, cancelled_at = now()"
                        + " WHERE university_id = ? AND id = ?",
                SqlRows.parameters(reason, universityId, id));
    }

    /** Enrolments of a batch by status, every status present (zero when none). */
    Map<Enrolment.Status, Long> countsByStatus(long universityId, long batchId) {
        return countsByStatusRead(universityId, batchId).runOn(jdbc);
    }

    /** A batch's enrolments counted by status (every status, 0 for none), as a page's read (ADR 0076). */
    static PageRead<Map<Enrolment.Status, Long>> countsByStatusRead(long universityId, long batchId) {
        return new PageRead<>(
                "courses.enrolment-counts:" + universityId + ":" + batchId,
                "SELECT status, count(*) FROM enrolments WHERE university_id = ? AND batch_id = ? GROUP BY status",
                SqlRows.parameters(universityId, batchId),
                rows -> {
                    Map<Enrolment.Status, Long> counts = new LinkedHashMap<>();
                    for (Enrolment.Status status : Enrolment.Status.values()) {
                        counts.put(status, 0L);
                    }
                    while (rows.next()) {
                        counts.put(Enrolment.Status.valueOf(rows.getString(1)), rows.getLong(2));
                    }
                    return counts;
                });
    }

    /** Revenue of a batch from its active enrolments: money per currency and credits per currency. */
    List<Revenue> revenue(long universityId, long batchId) {
        return revenueRead(universityId, batchId).runOn(jdbc);
    }

    /** Revenue of a batch from its active enrolments, as a page's read (ADR 0076). */
    static PageRead<List<Revenue>> revenueRead(long universityId, long batchId) {
        return PageRead.list(
                "courses.revenue:" + universityId + ":" + batchId,
                "SELECT payment, coalesce(currency, credits_currency) AS unit, sum(amount_cents) AS cents,"
                        + " sum(credits) AS credits, count(*) AS enrolments FROM enrolments"
                        + " WHERE university_id = ? AND batch_id = ? AND status = 'ACTIVE' AND payment IN ('MONEY', 'CREDITS')"
                        + " GROUP BY payment, coalesce(currency, credits_currency) ORDER BY payment, unit",
                SqlRows.parameters(universityId, batchId),
                rows -> new Revenue(
                        Enrolment.Payment.valueOf(rows.getString("payment")),
                        rows.getString("unit"),
                        rows.getLong("cents"),
                        rows.getLong("credits"),
                        rows.getLong("enrolments")));
    }

    record Revenue(Enrolment.Payment payment, String unit, long cents, long credits, long enrolments) {}

    /** Holds a place for an email; empty when that email holds one already. */
    Optional<Long> reserve(long universityId, long batchId, String email) {
        return SqlRows.optional(
                jdbc,
                "INSERT INTO place_reservations (university_id, batch_id, email) VALUES (?, ?, ?)"
                        + " ON CONFLICT (university_id, batch_id, lower(email)) WHERE status = 'HELD' DO NOTHING RETURNING id",
                SqlRows.parameters(universityId, batchId, email),
                rows -> rows.getLong(1));
    }

    /** The place held for this email in the batch, marked used by the enrolment; true when there was one. */
    boolean useReservation(long universityId, long batchId, String email, long enrolmentId) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE place_reservations SET status = 'USED', enrolment_id = ?"
                                + " WHERE university_id = ? AND batch_id = ? AND lower(email) = lower(?) AND status = 'HELD'",
                        SqlRows.parameters(enrolmentId, universityId, batchId, email))
                == 1;
    }

    boolean hasReservation(long universityId, long batchId, String email) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*) FROM place_reservations WHERE university_id = ? AND batch_id = ?"
                        + " AND lower(email) = lower(?) AND status = 'HELD'",
                SqlRows.parameters(universityId, batchId, email),
                rows -> rows.getLong(1) > 0);
    }

    static Enrolment enrolment(ResultSet rows) throws SQLException {
        String payment = rows.getString("payment");
        String credits = rows.getString("credits_currency");
        return new Enrolment(
                rows.getLong("university_id"),
                rows.getLong("id"),
                rows.getLong("batch_id"),
                rows.getLong("user_id"),
                Enrolment.Status.valueOf(rows.getString("status")),
                rows.getObject("reference", UUID.class),
                payment == null ? null : Enrolment.Payment.valueOf(payment),
                credits == null ? null : Currency.valueOf(credits),
                rows.getInt("credits"),
                rows.getLong("amount_cents"),
                rows.getString("currency"),
                rows.getObject("payment_id", UUID.class),
                CourseStore.instant(rows, "offered_until"),
                CourseStore.instant(rows, "created_at"));
    }
}
