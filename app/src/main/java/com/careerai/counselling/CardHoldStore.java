package com.careerai.counselling;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of {@code appointment_card_holds}: a card-paid appointment's payment and how long its
 * slot is held for the checkout. Every statement is scoped by {@code university_id}.
 */
@Singleton
class CardHoldStore {
    /** A hold: HELD until PAID, RELEASED or (after a paid session's refund) REFUNDED. */
    record Hold(
            long universityId,
            UUID appointmentId,
            UUID paymentId,
            long amountCents,
            String currency,
            Instant heldUntil,
            String status) {}

    private final JdbcOperations jdbc;

    CardHoldStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            long universityId, UUID appointmentId, UUID paymentId, long amountCents, String currency, Instant until) {
        Sql.update(
                jdbc,
                "INSERT INTO appointment_card_holds (university_id, appointment_id, payment_id, amount_cents, currency,"
                        + " held_until) VALUES (?, ?, ?, ?, ?, ?)",
                universityId,
                appointmentId,
                paymentId,
                amountCents,
                currency,
                until);
    }

    Optional<Hold> lockByPayment(long universityId, UUID paymentId) {
        return Sql.one(
                jdbc,
                "SELECT * FROM appointment_card_holds WHERE university_id = ? AND payment_id = ? FOR UPDATE",
                CardHoldStore::hold,
                universityId,
                paymentId);
    }

    Optional<Hold> find(long universityId, UUID appointmentId) {
        return Sql.one(
                jdbc,
                "SELECT * FROM appointment_card_holds WHERE university_id = ? AND appointment_id = ?",
                CardHoldStore::hold,
                universityId,
                appointmentId);
    }

    Optional<Hold> lock(long universityId, UUID appointmentId) {
        return Sql.one(
                jdbc,
                "SELECT * FROM appointment_card_holds WHERE university_id = ? AND appointment_id = ? FOR UPDATE",
                CardHoldStore::hold,
                universityId,
                appointmentId);
    }

    void setStatus(long universityId, UUID appointmentId, String status) {
        Sql.update(
                jdbc,
                "UPDATE appointment_card_holds SET status = ?, updated_at = now() WHERE university_id = ? AND appointment_id = ?",
                status,
                universityId,
                appointmentId);
    }

    private static Hold hold(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Hold(
                row.getLong("university_id"),
                Sql.uuid(row, "appointment_id"),
                Sql.uuid(row, "payment_id"),
                row.getLong("amount_cents"),
                row.getString("currency"),
                Sql.instant(row, "held_until"),
                row.getString("status"));
    }
}
