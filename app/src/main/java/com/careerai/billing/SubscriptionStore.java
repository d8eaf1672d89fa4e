package com.careerai.billing;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of {@code subscriptions}; every statement is scoped by {@code university_id} except
 * {@link #route}, which learns a Stripe subscription's university. Joins the caller's transaction.
 */
@Singleton
class SubscriptionStore {
    private static final String COLUMNS = "university_id, id, user_id, external_id, customer_id, product, status,"
            + " cancel_at_period_end, current_period_end, state_at, provider";

    private final JdbcOperations jdbc;

    SubscriptionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Whose subscription a Stripe subscription is. */
    record Route(long universityId, long userId, String product) {}

    /** Inserts the subscription unless Stripe's id is known (in any university); true when inserted. */
    boolean insertIfAbsent(Subscription subscription) {
        return SqlRows.update(
                        jdbc,
                        "INSERT INTO subscriptions (university_id, id, user_id, external_id, customer_id, product,"
                                + " status, cancel_at_period_end, current_period_end, state_at, provider)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (provider, external_id) DO NOTHING",
                        statement -> {
                            statement.setLong(1, subscription.universityId());
                            statement.setObject(2, subscription.id());
                            statement.setLong(3, subscription.userId());
                            statement.setString(4, subscription.externalId());
                            statement.setString(5, subscription.customerId());
                            statement.setString(6, subscription.product());
                            statement.setString(7, subscription.status());
                            statement.setBoolean(8, subscription.cancelAtPeriodEnd());
                            statement.setTimestamp(9, timestamp(subscription.currentPeriodEnd()));
                            statement.setTimestamp(10, timestamp(subscription.stateAt()));
                            statement.setString(11, subscription.provider().key());
                        })
                == 1;
    }

    Optional<Subscription> lockByExternalId(long universityId, String externalId) {
        return lockByExternalId(universityId, PaymentSettings.Provider.STRIPE, externalId);
    }

    Optional<Subscription> lockByExternalId(long universityId, PaymentSettings.Provider provider, String externalId) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + COLUMNS + " FROM subscriptions WHERE university_id = ? AND provider = ?"
                        + " AND external_id = ? FOR UPDATE",
                SqlRows.parameters(universityId, provider.key(), externalId),
                SubscriptionStore::subscription);
    }

    /** The student asked to end the subscription at the end of the paid period (the provider agreed). */
    @Transactional
    void markCancelling(long universityId, UUID id) {
        SqlRows.update(
                jdbc,
                "UPDATE subscriptions SET cancel_at_period_end = TRUE, updated_at = now()"
                        + " WHERE university_id = ? AND id = ?",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setObject(2, id);
                });
    }

    /**
     * Serialises billing's changes to one student's subscriptions (and so their Pro flag) until the
     * transaction ends, so two events for one student never decide Pro from two different views.
     */
    void lockStudent(long universityId, long userId) {
        SqlRows.single(
                jdbc,
                "SELECT pg_advisory_xact_lock(hashtextextended('billing-subscriptions:' || ?::text || ':' || ?::text, 0))",
                SqlRows.parameters(universityId, userId),
                rows -> true);
    }

    /** Replaces the state with what Stripe reported at {@code stateAt}; null fields keep theirs. */
    void update(
            long universityId,
            UUID id,
            String product,
            String status,
            @Nullable Boolean cancelAtPeriodEnd,
            @Nullable Instant currentPeriodEnd,
            Instant stateAt) {
        SqlRows.update(
                jdbc,
                "UPDATE subscriptions SET product = ?, status = ?, cancel_at_period_end = COALESCE(?, cancel_at_period_end),"
                        + " current_period_end = COALESCE(?, current_period_end), state_at = ?, updated_at = now()"
                        + " WHERE university_id = ? AND id = ?",
                statement -> {
                    statement.setString(1, product);
                    statement.setString(2, status);
                    statement.setObject(3, cancelAtPeriodEnd, java.sql.Types.BOOLEAN);
                    statement.setTimestamp(4, timestamp(currentPeriodEnd));
                    statement.setTimestamp(5, timestamp(stateAt));
                    statement.setLong(6, universityId);
                    statement.setObject(7, id);
                });
    }

    void attachCustomer(long universityId, UUID id, String customerId) {
        SqlRows.update(
                jdbc,
                "UPDATE subscriptions SET customer_id = COALESCE(customer_id, ?), updated_at = now()"
                        + " WHERE university_id = ? AND id = ?",
                statement -> {
                    statement.setString(1, customerId);
                    statement.setLong(2, universityId);
                    statement.setObject(3, id);
                });
    }

    /** The student's subscriptions, most recently changed first. */
    List<Subscription> ofUser(long universityId, long userId) {
        return ofUserRead(universityId, userId).runOn(jdbc);
    }

    /** {@link #ofUser}, as a page's read (ADR 0076). */
    static PageRead<List<Subscription>> ofUserRead(long universityId, long userId) {
        return PageRead.list(
                "billing.subscriptions:" + universityId + ":" + userId,
                "SELECT " + COLUMNS + " FROM subscriptions WHERE university_id = ? AND user_id = ?"
                        + " ORDER BY state_at DESC, created_at DESC",
                SqlRows.parameters(universityId, userId),
                SubscriptionStore::subscription);
    }

    /**
     * Cross-tenant on purpose: whose subscription a Stripe subscription id is (the platform path of
     * ADR 0010, a SECURITY DEFINER function).
     */
    Optional<Route> route(String externalId) {
        return SqlRows.optional(
                jdbc,
                "SELECT university_id, user_id, product FROM platform_route_stripe_subscription(?)",
                SqlRows.parameters(externalId),
                rows -> new Route(rows.getLong(1), rows.getLong(2), rows.getString(3)));
    }

    private static Subscription subscription(ResultSet rows) throws SQLException {
        Timestamp periodEnd = rows.getTimestamp("current_period_end");
        return new Subscription(
                rows.getObject("id", UUID.class),
                rows.getLong("university_id"),
                rows.getLong("user_id"),
                rows.getString("external_id"),
                rows.getString("customer_id"),
                rows.getString("product"),
                rows.getString("status"),
                rows.getBoolean("cancel_at_period_end"),
                periodEnd == null ? null : periodEnd.toInstant(),
                rows.getTimestamp("state_at").toInstant(),
                PaymentSettings.Provider.parse(rows.getString("provider")).orElseThrow());
    }

    @Nullable
    private static Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
