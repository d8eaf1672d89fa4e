package com.careerai.platform.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL on {@code outbox_events} and {@code outbox_deliveries}; every statement runs in the caller's
 * transaction and names the university, except the two platform functions (across universities).
 */
@Singleton
class OutboxStore {
    /** An event as stored. */
    record StoredEvent(String type, String payload, @Nullable Instant deliveredAt) {}

    /** The key of an event the relay's scan found. */
    record EventKey(long universityId, UUID id) {}

    private final JdbcOperations jdbc;

    OutboxStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long universityId, UUID id, String type, String payload, boolean delivered) {
        jdbc.prepareStatement(
                "INSERT INTO outbox_events (university_id, id, type, payload, delivered_at)"
                        + " VALUES (?, ?, ?, ?::jsonb, CASE WHEN ? THEN now() END)",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setObject(2, id);
                    statement.setString(3, type);
                    statement.setString(4, payload);
                    statement.setBoolean(5, delivered);
                    return statement.executeUpdate();
                });
    }

    Optional<StoredEvent> find(long universityId, UUID id) {
        return jdbc.prepareStatement(
                "SELECT type, payload::text, delivered_at FROM outbox_events WHERE university_id = ? AND id = ?",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setObject(2, id);
                    try (ResultSet rows = statement.executeQuery()) {
                        if (!rows.next()) {
                            return Optional.empty();
                        }
                        Timestamp delivered = rows.getTimestamp(3);
                        return Optional.of(new StoredEvent(
                                rows.getString(1),
                                rows.getString(2),
                                delivered == null ? null : delivered.toInstant()));
                    }
                });
    }

    /**
     * Records that {@code listener} handles the event in this transaction; false when it did
     * before. A concurrent claim waits for this transaction, then finds the claim (or, after a
     * rollback, makes it).
     */
    boolean claim(long universityId, UUID eventId, String listener) {
        return jdbc.prepareStatement(
                        "INSERT INTO outbox_deliveries (university_id, event_id, listener) VALUES (?, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        statement -> {
                            statement.setLong(1, universityId);
                            statement.setObject(2, eventId);
                            statement.setString(3, listener);
                            return statement.executeUpdate();
                        })
                == 1;
    }

    void markDelivered(long universityId, UUID id) {
        jdbc.prepareStatement(
                "UPDATE outbox_events SET delivered_at = now()"
                        + " WHERE university_id = ? AND id = ? AND delivered_at IS NULL",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setObject(2, id);
                    return statement.executeUpdate();
                });
    }

    void recordFailure(long universityId, UUID id, String error) {
        jdbc.prepareStatement(
                "UPDATE outbox_events SET attempts = attempts + 1, last_error = ? WHERE university_id = ? AND id = ?",
                statement -> {
                    statement.setString(1, error.substring(0, Math.min(error.length(), 2000)));
                    statement.setLong(2, universityId);
                    statement.setObject(3, id);
                    return statement.executeUpdate();
                });
    }

    /** Across universities: events undelivered for longer than {@code olderThan}. */
    List<EventKey> undelivered(Duration olderThan, int max) {
        return jdbc.prepareStatement(
                "SELECT university_id, id FROM platform_undelivered_outbox_events(?::interval, ?)", statement -> {
                    statement.setString(1, olderThan.toMillis() + " milliseconds");
                    statement.setInt(2, max);
                    List<EventKey> keys = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            keys.add(new EventKey(rows.getLong(1), rows.getObject(2, UUID.class)));
                        }
                    }
                    return keys;
                });
    }

    /** Across universities: deletes events delivered longer ago than {@code olderThan}. */
    int purgeDelivered(Duration olderThan, int max) {
        return jdbc.prepareStatement("SELECT platform_purge_delivered_outbox_events(?::interval, ?)", statement -> {
            statement.setString(1, olderThan.toMillis() + " milliseconds");
            statement.setInt(2, max);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
