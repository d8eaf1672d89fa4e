package com.careerai.billing;

import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@code stripe_events}: each delivered event's id, claimed in the transaction that applies it.
 * A platform table keyed by Stripe's global event id; the university is recorded once known.
 */
@Singleton
class StripeEventStore {
    private final JdbcOperations jdbc;

    StripeEventStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the event for this transaction; false when it was claimed before. A concurrent claim
     * of the same id waits for this transaction and then finds it claimed (or, after a rollback,
     * claims it itself).
     */
    boolean claim(PaymentGateway.WebhookEvent event) {
        // Two statements, not INSERT … ON CONFLICT DO UPDATE: PostgreSQL checks the conflicting row
        // against the row-level security policy before the DO UPDATE's WHERE, so a duplicate of an
        // event already routed to its university (a row this platform transaction cannot see)
        // raised 42501 on PostgreSQL 15 instead of being skipped. An INSERT that finds the id waits
        // for a concurrent claim to end, as before; the UPDATE sees only rows the policy shows.
        int inserted = jdbc.prepareStatement(
                "INSERT INTO stripe_events (id, type, livemode, stripe_created_at, outcome)"
                        + " VALUES (?, ?, ?, ?, 'RECEIVED') ON CONFLICT (id) DO NOTHING",
                statement -> {
                    statement.setString(1, event.id());
                    statement.setString(2, event.type());
                    statement.setBoolean(3, event.livemode());
                    statement.setTimestamp(4, Timestamp.from(event.created()));
                    return statement.executeUpdate();
                });
        if (inserted == 1) {
            return true;
        }
        // A RETRYING event (an earlier attempt threw) is claimed again; any other outcome is final.
        return jdbc.prepareStatement(
                        "UPDATE stripe_events SET outcome = 'RECEIVED' WHERE id = ? AND outcome = 'RETRYING'",
                        statement -> {
                            statement.setString(1, event.id());
                            return statement.executeUpdate();
                        })
                == 1;
    }

    /** Records what became of the claimed event. */
    void finish(String eventId, EventOutcome outcome) {
        String detail = outcome.detail();
        jdbc.prepareStatement(
                "UPDATE stripe_events SET outcome = ?, detail = ?, university_id = ?, user_id = ? WHERE id = ?",
                statement -> {
                    statement.setString(1, outcome.kind().name());
                    statement.setString(2, detail.substring(0, Math.min(detail.length(), 1000)));
                    setNullableLong(statement, 3, outcome.universityId());
                    setNullableLong(statement, 4, outcome.userId());
                    statement.setString(5, eventId);
                    return statement.executeUpdate();
                });
    }

    /**
     * Claims a FAILED (or RETRYING) event again for an operator's replay, holding its row until the
     * transaction ends; false when it is not one of those (or unknown).
     */
    boolean reclaim(String eventId) {
        return jdbc.prepareStatement(
                        "UPDATE stripe_events SET outcome = 'RECEIVED' WHERE id = ? AND outcome IN ('FAILED', 'RETRYING')",
                        statement -> {
                            statement.setString(1, eventId);
                            return statement.executeUpdate();
                        })
                == 1;
    }

    /**
     * Records a failed attempt at applying the event, in its own transaction (the attempt's was
     * rolled back), with what is needed to replay it. After {@code maxAttempts} attempts the event
     * is FAILED. Empty when the event meanwhile ended otherwise (a concurrent delivery applied it).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    Optional<Attempts> recordFailure(
            PaymentGateway.WebhookEvent event, @Nullable String invoiceHint, String error, int maxAttempts) {
        String message = error.length() > 2000 ? error.substring(0, 2000) : error;
        // First attempt: a new row. Otherwise one more attempt on a RETRYING/FAILED row this
        // transaction can see; a row applied meanwhile (or routed to a university) is left alone.
        // Two statements for the reason given in claim().
        Optional<Attempts> first = jdbc.prepareStatement(
                "INSERT INTO stripe_events (id, type, livemode, stripe_created_at, outcome, attempts, last_error,"
                        + " last_attempt_at, payload, invoice_hint)"
                        + " VALUES (?, ?, ?, ?, CASE WHEN ? <= 1 THEN 'FAILED' ELSE 'RETRYING' END, 1, ?, now(),"
                        + " ?::jsonb, ?) ON CONFLICT (id) DO NOTHING RETURNING attempts, outcome",
                statement -> {
                    statement.setString(1, event.id());
                    statement.setString(2, event.type());
                    statement.setBoolean(3, event.livemode());
                    statement.setTimestamp(4, Timestamp.from(event.created()));
                    statement.setInt(5, maxAttempts);
                    statement.setString(6, message);
                    statement.setString(7, event.object().toString());
                    statement.setString(8, invoiceHint);
                    return attempts(statement);
                });
        if (first.isPresent()) {
            return first;
        }
        return jdbc.prepareStatement(
                "UPDATE stripe_events SET attempts = attempts + 1, last_error = ?, last_attempt_at = now(),"
                        + " payload = ?::jsonb, invoice_hint = ?,"
                        + " outcome = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'RETRYING' END"
                        + " WHERE id = ? AND outcome IN ('RETRYING', 'FAILED')"
                        + " RETURNING attempts, outcome",
                statement -> {
                    statement.setString(1, message);
                    statement.setString(2, event.object().toString());
                    statement.setString(3, invoiceHint);
                    statement.setInt(4, maxAttempts);
                    statement.setString(5, event.id());
                    return attempts(statement);
                });
    }

    /** How often applying an event failed, and whether it is FAILED for good. */
    record Attempts(int count, boolean failed) {}

    /** Keeps a refund whose payment is not recorded yet, to apply when it is (outcome set by {@link #finish}). */
    void park(
            PaymentGateway.WebhookEvent event,
            @Nullable String paymentIntent,
            @Nullable String invoice,
            @Nullable String invoiceHint) {
        jdbc.prepareStatement(
                "UPDATE stripe_events SET parked_payment_intent = ?, parked_invoice = ?, payload = ?::jsonb,"
                        + " invoice_hint = ? WHERE id = ?",
                statement -> {
                    statement.setString(1, paymentIntent);
                    statement.setString(2, invoice);
                    statement.setString(3, event.object().toString());
                    statement.setString(4, invoiceHint);
                    statement.setString(5, event.id());
                    return statement.executeUpdate();
                });
    }

    /** Parked refunds naming any of these payment intents or invoices, oldest first, locked. */
    List<Stored> parkedFor(Collection<String> paymentIntents, Collection<String> invoices) {
        if (paymentIntents.isEmpty() && invoices.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(
                "SELECT " + STORED + " FROM stripe_events WHERE outcome = 'PARKED'"
                        + " AND (parked_payment_intent = ANY (?) OR parked_invoice = ANY (?))"
                        + " ORDER BY stripe_created_at, id FOR UPDATE",
                statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("text", paymentIntents.toArray()));
                    statement.setArray(2, statement.getConnection().createArrayOf("text", invoices.toArray()));
                    return stored(statement);
                });
    }

    /**
     * The university an event was routed to, whoever may read it (the platform path of ADR 10);
     * empty for an unknown or unrouted event.
     */
    @Connectable
    Optional<Long> universityOf(String eventId) {
        return SqlRows.optional(
                jdbc,
                "SELECT university_id FROM platform_stripe_event_university(?) AS routed(university_id)"
                        + " WHERE university_id IS NOT NULL",
                SqlRows.parameters(eventId),
                rows -> rows.getLong(1));
    }

    /** One event as recorded. */
    @Connectable
    Optional<Stored> find(String eventId) {
        return jdbc
                .prepareStatement("SELECT " + STORED + " FROM stripe_events WHERE id = ?", statement -> {
                    statement.setString(1, eventId);
                    return stored(statement);
                })
                .stream()
                .findFirst();
    }

    /** The newest events (only FAILED and RETRYING ones when {@code failedOnly}), newest first. */
    @Connectable
    List<Stored> recent(boolean failedOnly, int limit) {
        return jdbc.prepareStatement(
                "SELECT " + STORED + " FROM stripe_events"
                        + (failedOnly ? " WHERE outcome IN ('FAILED', 'RETRYING')" : "")
                        + " ORDER BY received_at DESC, id LIMIT ?",
                statement -> {
                    statement.setInt(1, limit);
                    return stored(statement);
                });
    }

    private static final String STORED = "id, type, livemode, stripe_created_at, received_at, outcome, detail,"
            + " attempts, last_error, last_attempt_at, payload, invoice_hint, university_id";

    /** An event as {@code stripe_events} holds it. */
    record Stored(
            String id,
            String type,
            boolean livemode,
            Instant stripeCreatedAt,
            Instant receivedAt,
            String outcome,
            @Nullable String detail,
            int attempts,
            @Nullable String lastError,
            @Nullable Instant lastAttemptAt,
            @Nullable String payload,
            @Nullable String invoiceHint,
            @Nullable Long universityId) {}

    private static List<Stored> stored(PreparedStatement statement) throws SQLException {
        List<Stored> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Timestamp lastAttempt = rows.getTimestamp("last_attempt_at");
                found.add(new Stored(
                        rows.getString("id"),
                        rows.getString("type"),
                        rows.getBoolean("livemode"),
                        rows.getTimestamp("stripe_created_at").toInstant(),
                        rows.getTimestamp("received_at").toInstant(),
                        rows.getString("outcome"),
                        rows.getString("detail"),
                        rows.getInt("attempts"),
                        rows.getString("last_error"),
                        lastAttempt == null ? null : lastAttempt.toInstant(),
                        rows.getString("payload"),
                        rows.getString("invoice_hint"),
                        (Long) rows.getObject("university_id")));
            }
        }
        return found;
    }

    private static void setNullableLong(java.sql.PreparedStatement statement, int index, @Nullable Long value)
            throws java.sql.SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static Optional<Attempts> attempts(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next()
                    ? Optional.of(new Attempts(rows.getInt("attempts"), "FAILED".equals(rows.getString("outcome"))))
                    : Optional.empty();
        }
    }
}
