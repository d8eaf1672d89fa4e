package com.careerai.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Timestamp;

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
        return jdbc.prepareStatement(
                        "INSERT INTO stripe_events (id, type, livemode, stripe_created_at, outcome)"
                                + " VALUES (?, ?, ?, ?, 'RECEIVED') ON CONFLICT (id) DO NOTHING",
                        statement -> {
                            statement.setString(1, event.id());
                            statement.setString(2, event.type());
                            statement.setBoolean(3, event.livemode());
                            statement.setTimestamp(4, Timestamp.from(event.created()));
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

    private static void setNullableLong(java.sql.PreparedStatement statement, int index, @Nullable Long value)
            throws java.sql.SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
