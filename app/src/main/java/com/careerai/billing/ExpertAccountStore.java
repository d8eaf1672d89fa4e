package com.careerai.billing;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of {@code expert_accounts}, {@code expert_fee_settings} and {@code expert_charges}; every
 * statement is scoped by {@code university_id} except {@link #route}, which learns a connected
 * account's university (the platform path of ADR 0010). Joins the caller's transaction.
 */
@Singleton
class ExpertAccountStore {
    private static final String COLUMNS =
            "university_id, user_id, paid_expert, stripe_account_id, charges_enabled, payouts_enabled, details_submitted,"
                    + " razorpay_account_id, razorpay_activated";

    /** One expert's row. */
    record Row(
            long universityId,
            long userId,
            boolean paidExpert,
            @Nullable String accountId,
            boolean chargesEnabled,
            boolean payoutsEnabled,
            boolean detailsSubmitted,
            @Nullable String razorpayAccountId,
            boolean razorpayActivated) {}

    /** Whose a connected account is. */
    record Route(long universityId, long userId) {}

    /** One charge with its payment's state, for earnings. */
    record ChargeRow(
            UUID paymentId,
            long expertUserId,
            String description,
            Instant sessionStartsAt,
            long amountCents,
            long feeCents,
            long refundedCents,
            String currency,
            String status) {}

    private final JdbcOperations jdbc;

    ExpertAccountStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(long universityId, long userId) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + COLUMNS + " FROM expert_accounts WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId),
                ExpertAccountStore::row);
    }

    Optional<Row> lock(long universityId, long userId) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + COLUMNS + " FROM expert_accounts WHERE university_id = ? AND user_id = ? FOR UPDATE",
                SqlRows.parameters(universityId, userId),
                ExpertAccountStore::row);
    }

    List<Row> all(long universityId) {
        return SqlRows.list(
                jdbc,
                "SELECT " + COLUMNS + " FROM expert_accounts WHERE university_id = ? ORDER BY user_id",
                SqlRows.parameters(universityId),
                ExpertAccountStore::row);
    }

    /** Marks (or unmarks) a paid expert; the account, once created, is kept. */
    void mark(long universityId, long userId, boolean paidExpert, long staffId) {
        SqlRows.update(
                jdbc,
                "INSERT INTO expert_accounts (university_id, user_id, paid_expert, marked_by) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (university_id, user_id) DO UPDATE SET paid_expert = EXCLUDED.paid_expert,"
                        + " marked_by = EXCLUDED.marked_by, updated_at = now()",
                SqlRows.parameters(universityId, userId, paidExpert, staffId));
    }

    void attachAccount(long universityId, long userId, String accountId) {
        SqlRows.update(
                jdbc,
                "UPDATE expert_accounts SET stripe_account_id = COALESCE(stripe_account_id, ?), updated_at = now()"
                        + " WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(accountId, universityId, userId));
    }

    /** Whether another expert of the university has this linked account recorded. */
    boolean linkedAccountTaken(long universityId, long userId, String accountId) {
        return SqlRows.optional(
                        jdbc,
                        "SELECT 1 FROM expert_accounts WHERE university_id = ? AND razorpay_account_id = ?"
                                + " AND user_id <> ?",
                        SqlRows.parameters(universityId, accountId, userId),
                        rows -> rows.getInt(1))
                .isPresent();
    }

    /** Records the expert's Razorpay Route linked account and whether Razorpay says it is activated. */
    void attachLinkedAccount(long universityId, long userId, String accountId, boolean activated) {
        SqlRows.update(
                jdbc,
                "UPDATE expert_accounts SET razorpay_account_id = ?, razorpay_activated = ?,"
                        + " razorpay_checked_at = now(), updated_at = now() WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(accountId, activated, universityId, userId));
    }

    /** Applies Stripe's state unless a later event was applied already; true when applied. */
    boolean updateState(
            long universityId,
            String accountId,
            boolean chargesEnabled,
            boolean payoutsEnabled,
            boolean detailsSubmitted,
            Instant stripeAt) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE expert_accounts SET charges_enabled = ?, payouts_enabled = ?, details_submitted = ?,"
                                + " stripe_updated_at = ?, updated_at = now() WHERE university_id = ?"
                                + " AND stripe_account_id = ? AND (stripe_updated_at IS NULL OR stripe_updated_at <= ?)",
                        SqlRows.parameters(
                                chargesEnabled,
                                payoutsEnabled,
                                detailsSubmitted,
                                Timestamp.from(stripeAt),
                                universityId,
                                accountId,
                                Timestamp.from(stripeAt)))
                == 1;
    }

    /**
     * Cross-tenant on purpose: whose a Stripe connected account is (the platform path of ADR 0010,
     * a SECURITY DEFINER function).
     */
    Optional<Route> route(String accountId) {
        return SqlRows.optional(
                jdbc,
                "SELECT university_id, user_id FROM platform_route_stripe_account(?)",
                SqlRows.parameters(accountId),
                rows -> new Route(rows.getLong(1), rows.getLong(2)));
    }

    Optional<BigDecimal> feePercent(long universityId) {
        return SqlRows.optional(
                jdbc,
                "SELECT platform_fee_percent FROM expert_fee_settings WHERE university_id = ?",
                SqlRows.parameters(universityId),
                rows -> rows.getBigDecimal(1));
    }

    void setFeePercent(long universityId, BigDecimal percent, long staffId) {
        SqlRows.update(
                jdbc,
                "INSERT INTO expert_fee_settings (university_id, platform_fee_percent, updated_by) VALUES (?, ?, ?)"
                        + " ON CONFLICT (university_id) DO UPDATE SET platform_fee_percent = EXCLUDED.platform_fee_percent,"
                        + " updated_by = EXCLUDED.updated_by, updated_at = now()",
                SqlRows.parameters(universityId, percent, staffId));
    }

    void insertCharge(
            long universityId,
            UUID paymentId,
            long expertUserId,
            String accountId,
            long amountCents,
            long feeCents,
            String currency,
            String description,
            Instant sessionStartsAt) {
        SqlRows.update(
                jdbc,
                "INSERT INTO expert_charges (university_id, payment_id, expert_user_id, stripe_account_id,"
                        + " amount_cents, fee_cents, currency, description, session_starts_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (university_id, payment_id) DO NOTHING",
                SqlRows.parameters(
                        universityId,
                        paymentId,
                        expertUserId,
                        accountId,
                        amountCents,
                        feeCents,
                        currency,
                        description,
                        Timestamp.from(sessionStartsAt)));
    }

    /** Whether the payment is a paid expert session's destination charge. */
    boolean isCharge(long universityId, UUID paymentId) {
        return isChargeRead(universityId, paymentId).runOn(jdbc);
    }

    /** Whether the payment is a paid expert session's destination charge, as a page's read (ADR 0076). */
    static PageRead<Boolean> isChargeRead(long universityId, UUID paymentId) {
        return PageRead.optional(
                        "billing.is-expert-charge:" + universityId + ":" + paymentId,
                        "SELECT 1 FROM expert_charges WHERE university_id = ? AND payment_id = ?",
                        SqlRows.parameters(universityId, paymentId),
                        rows -> rows.getInt(1))
                .map(java.util.Optional::isPresent);
    }

    /** The charges students paid (or paid and were refunded), of one expert or (null) of all, newest session first. */
    List<ChargeRow> paidCharges(long universityId, @Nullable Long expertUserId, int limit) {
        return SqlRows.list(
                jdbc,
                "SELECT c.payment_id, c.expert_user_id, c.description, c.session_starts_at, c.amount_cents,"
                        + " c.fee_cents, p.refunded_cents, c.currency, p.status FROM expert_charges c"
                        + " JOIN payments p ON p.university_id = c.university_id AND p.id = c.payment_id"
                        + " WHERE c.university_id = ? AND (?::bigint IS NULL OR c.expert_user_id = ?)"
                        + " AND p.status IN ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')"
                        + " ORDER BY c.session_starts_at DESC LIMIT ?",
                SqlRows.parameters(universityId, expertUserId, expertUserId, limit),
                rows -> new ChargeRow(
                        rows.getObject(1, UUID.class),
                        rows.getLong(2),
                        rows.getString(3),
                        SqlRows.instant(rows, "session_starts_at"),
                        rows.getLong(5),
                        rows.getLong(6),
                        rows.getLong(7),
                        rows.getString(8),
                        rows.getString(9)));
    }

    /** Per expert: the SQL aggregate behind the staff page (fee kept in proportion to what was not refunded). */
    record Totals(
            long expertUserId, long sessions, long grossCents, long feeCents, long pendingCents, long paidOutCents) {}

    List<Totals> totals(long universityId, Instant now) {
        String kept = "(c.amount_cents - p.refunded_cents)";
        String fee = "(c.fee_cents - (c.fee_cents * p.refunded_cents) / c.amount_cents)";
        return SqlRows.list(
                jdbc,
                "SELECT c.expert_user_id, count(*), coalesce(sum(" + kept + "), 0), coalesce(sum(" + fee + "), 0),"
                        + " coalesce(sum(" + kept + " - " + fee + ") FILTER (WHERE c.session_starts_at > ?), 0),"
                        + " coalesce(sum(" + kept + " - " + fee + ") FILTER (WHERE c.session_starts_at <= ?), 0)"
                        + " FROM expert_charges c"
                        + " JOIN payments p ON p.university_id = c.university_id AND p.id = c.payment_id"
                        + " WHERE c.university_id = ? AND p.status IN ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')"
                        + " GROUP BY c.expert_user_id ORDER BY c.expert_user_id",
                SqlRows.parameters(Timestamp.from(now), Timestamp.from(now), universityId),
                rows -> new Totals(
                        rows.getLong(1),
                        rows.getLong(2),
                        rows.getLong(3),
                        rows.getLong(4),
                        rows.getLong(5),
                        rows.getLong(6)));
    }

    private static Row row(ResultSet rows) throws SQLException {
        return new Row(
                rows.getLong("university_id"),
                rows.getLong("user_id"),
                rows.getBoolean("paid_expert"),
                rows.getString("stripe_account_id"),
                rows.getBoolean("charges_enabled"),
                rows.getBoolean("payouts_enabled"),
                rows.getBoolean("details_submitted"),
                rows.getString("razorpay_account_id"),
                rows.getBoolean("razorpay_activated"));
    }
}
