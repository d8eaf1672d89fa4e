package com.careerai.billing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * {@code razorpay_events}: each delivered webhook event's id, claimed in the transaction that
 * applies it (like {@link StripeEventStore}). A platform table keyed by Razorpay's global event
 * id; the university is recorded once known.
 */
@Singleton
class RazorpayEventStore {
    private final JdbcOperations jdbc;

    RazorpayEventStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the event for this transaction; false when it was claimed before. A concurrent claim
     * of the same id waits for this transaction and then finds it claimed.
     */
    boolean claim(String id, String type) {
        return jdbc.prepareStatement(
                        "INSERT INTO razorpay_events (id, type, outcome) VALUES (?, ?, 'RECEIVED')"
                                + " ON CONFLICT (id) DO NOTHING",
                        statement -> {
                            statement.setString(1, id);
                            statement.setString(2, type.length() > 100 ? type.substring(0, 100) : type);
                            return statement.executeUpdate();
                        })
                == 1;
    }

    /** Records what became of the claimed event. */
    void finish(String id, EventOutcome outcome) {
        String detail = outcome.detail();
        jdbc.prepareStatement(
                "UPDATE razorpay_events SET outcome = ?, detail = ?, university_id = ?, user_id = ? WHERE id = ?",
                statement -> {
                    statement.setString(1, outcome.kind().name());
                    statement.setString(2, detail.substring(0, Math.min(detail.length(), 1000)));
                    setNullableLong(statement, 3, outcome.universityId());
                    setNullableLong(statement, 4, outcome.userId());
                    statement.setString(5, id);
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
