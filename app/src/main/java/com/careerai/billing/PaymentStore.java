package com.careerai.billing;

import com.careerai.credits.Currency;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of {@code payments}. Every statement is scoped by {@code university_id}, except the two
 * {@code route…} lookups a webhook needs to learn which university a Stripe invoice or payment
 * intent belongs to (Stripe's ids are global; they return only the university and the row id).
 * Joins the caller's transaction.
 */
@Singleton
class PaymentStore {
    private static final String COLUMNS = "university_id, id, user_id, external_id, kind, product, description,"
            + " amount_cents, currency, status, credits_currency, credits, credits_reversed, credits_owed,"
            + " refunded_cents, invoice_id, payment_intent_id, subscription_id, customer_id, created_at, paid_at, provider";

    private final JdbcOperations jdbc;

    PaymentStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A payment row to insert. */
    record NewPayment(
            long universityId,
            UUID id,
            long userId,
            String externalId,
            Product.Kind kind,
            String product,
            String description,
            long amountCents,
            String currency,
            PaymentStatus status,
            Currency creditsCurrency,
            int credits,
            @Nullable String customerId) {

        static NewPayment of(
                long universityId,
                UUID id,
                long userId,
                String externalId,
                Product product,
                PaymentStatus status,
                @Nullable String customerId) {
            return new NewPayment(
                    universityId,
                    id,
                    userId,
                    externalId,
                    product.kind(),
                    product.id(),
                    description(product),
                    product.priceCents(),
                    product.currency(),
                    status,
                    product.creditsCurrency(),
                    product.credits(),
                    customerId);
        }

        static String description(Product product) {
            return product.isPlan() ? product.name() + " plan (monthly)" : product.name();
        }
    }

    /** Which university a Stripe object's payment belongs to. */
    record Route(long universityId, UUID paymentId) {}

    /**
     * Inserts the row unless one with its external id exists (in any university); true when
     * inserted. Joins the caller's transaction, or runs in its own.
     */
    @Transactional
    public boolean insertIfAbsent(NewPayment payment) {
        return insertIfAbsent(payment, PaymentSettings.Provider.STRIPE);
    }

    /** {@link #insertIfAbsent(NewPayment)} for a payment taken by {@code provider}. */
    @Transactional
    public boolean insertIfAbsent(NewPayment payment, PaymentSettings.Provider provider) {
        return SqlRows.update(
                        jdbc,
                        "INSERT INTO payments (university_id, id, user_id, external_id, kind, product, description,"
                                + " amount_cents, currency, status, credits_currency, credits, customer_id, provider)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (provider, external_id) DO NOTHING",
                        statement -> {
                            statement.setLong(1, payment.universityId());
                            statement.setObject(2, payment.id());
                            statement.setLong(3, payment.userId());
                            statement.setString(4, payment.externalId());
                            statement.setString(5, payment.kind().name());
                            statement.setString(6, payment.product());
                            statement.setString(7, payment.description());
                            statement.setLong(8, payment.amountCents());
                            statement.setString(9, payment.currency());
                            statement.setString(10, payment.status().name());
                            statement.setString(11, payment.creditsCurrency().name());
                            statement.setInt(12, payment.credits());
                            statement.setString(13, payment.customerId());
                            statement.setString(14, provider.key());
                        })
                == 1;
    }

    /** The row, locked until the transaction ends. */
    Optional<Payment> lock(long universityId, UUID id) {
        return one("SELECT " + COLUMNS + " FROM payments WHERE university_id = ? AND id = ? FOR UPDATE", statement -> {
            statement.setLong(1, universityId);
            statement.setObject(2, id);
        });
    }

    /** The row of a Checkout Session or invoice, locked until the transaction ends. */
    Optional<Payment> lockByExternalId(long universityId, String externalId) {
        return one(
                "SELECT " + COLUMNS + " FROM payments WHERE university_id = ? AND provider = 'stripe'"
                        + " AND external_id = ? FOR UPDATE",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setString(2, externalId);
                });
    }

    /** The row that paid this invoice, locked until the transaction ends. */
    Optional<Payment> lockByInvoice(long universityId, String invoiceId) {
        return one(
                "SELECT " + COLUMNS + " FROM payments WHERE university_id = ? AND provider = 'stripe'"
                        + " AND invoice_id = ? FOR UPDATE",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setString(2, invoiceId);
                });
    }

    Optional<Payment> find(long universityId, long userId, UUID id) {
        return ofUserRead(universityId, userId, id).runOn(jdbc);
    }

    /** A student's own payment, as a page's read (ADR 0076). */
    static PageRead<Optional<Payment>> ofUserRead(long universityId, long userId, UUID id) {
        return PageRead.optional(
                "billing.payment-of-user:" + universityId + ":" + userId + ":" + id,
                "SELECT " + COLUMNS + " FROM payments WHERE university_id = ? AND user_id = ? AND id = ?",
                SqlRows.parameters(universityId, userId, id),
                PaymentStore::payment);
    }

    Optional<Payment> findByExternalId(long universityId, long userId, String externalId) {
        return byExternalIdRead(universityId, userId, externalId).runOn(jdbc);
    }

    /** A student's own payment by the provider's id of it (a Checkout Session's), as a page's read (ADR 0076). */
    static PageRead<Optional<Payment>> byExternalIdRead(long universityId, long userId, String externalId) {
        return PageRead.optional(
                "billing.payment-by-external-id:" + universityId + ":" + userId + ":" + externalId,
                "SELECT " + COLUMNS + " FROM payments WHERE university_id = ? AND user_id = ? AND external_id = ?",
                SqlRows.parameters(universityId, userId, externalId),
                PaymentStore::payment);
    }

    /** The student's payments, newest first. */
    List<Payment> history(long universityId, long userId, int limit) {
        return historyRead(universityId, userId, limit).runOn(jdbc);
    }

    /** {@link #history}, as a page's read (ADR 0076). */
    static PageRead<List<Payment>> historyRead(long universityId, long userId, int limit) {
        return PageRead.list(
                "billing.payment-history:" + universityId + ":" + userId + ":" + limit,
                "SELECT " + COLUMNS + " FROM payments WHERE university_id = ? AND user_id = ?"
                        + " ORDER BY created_at DESC, id LIMIT ?",
                SqlRows.parameters(universityId, userId, limit),
                PaymentStore::payment);
    }

    /** Any payment of the university, for staff. */
    Optional<Payment> findForStaff(long universityId, UUID id) {
        return findForStaffRead(universityId, id).runOn(jdbc);
    }

    /** Any payment of the university, for staff, as a page's read (ADR 0076). */
    static PageRead<Optional<Payment>> findForStaffRead(long universityId, UUID id) {
        return PageRead.optional(
                "billing.payment:" + universityId + ":" + id,
                "SELECT " + COLUMNS + " FROM payments WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, id),
                PaymentStore::payment);
    }

    /** A page of the university's payments of a status (null: any), newest first, as a page's read (ADR 0076). */
    static PageRead<List<Payment>> byStatusRead(
            long universityId, @Nullable PaymentStatus status, long offset, int limit) {
        return PageRead.list(
                "billing.payments-by-status:" + universityId + ":" + status + ":" + offset + ":" + limit,
                "SELECT " + COLUMNS + " FROM payments WHERE university_id = ? AND (?::text IS NULL OR status = ?)"
                        + " ORDER BY created_at DESC, id" + SqlRows.limit(limit, offset),
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setString(2, status == null ? null : status.name());
                    statement.setString(3, status == null ? null : status.name());
                },
                PaymentStore::payment);
    }

    /**
     * The university's payments taken by {@code provider} still PENDING that were started before
     * {@code before}, oldest first (reconciliation asks that provider about them).
     */
    List<Payment> pendingBefore(
            long universityId, PaymentSettings.Provider provider, java.time.Instant before, int limit) {
        return SqlRows.list(
                jdbc,
                "SELECT " + COLUMNS
                        + " FROM payments WHERE university_id = ? AND status = 'PENDING' AND provider = ?"
                        + " AND created_at < ?"
                        + " ORDER BY created_at, id LIMIT ?",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setString(2, provider.key());
                    statement.setTimestamp(3, Timestamp.from(before));
                    statement.setInt(4, limit);
                },
                PaymentStore::payment);
    }

    /** The university's payments counted by status (every status, 0 for none), as a page's read (ADR 0076). */
    static PageRead<java.util.Map<PaymentStatus, Long>> countByStatusRead(long universityId) {
        return PageRead.list(
                        "billing.payment-counts:" + universityId,
                        "SELECT status, count(*) FROM payments WHERE university_id = ? GROUP BY status",
                        SqlRows.parameters(universityId),
                        rows -> java.util.Map.entry(PaymentStatus.valueOf(rows.getString(1)), rows.getLong(2)))
                .map(found -> {
                    java.util.Map<PaymentStatus, Long> counts = new java.util.EnumMap<>(PaymentStatus.class);
                    for (PaymentStatus status : PaymentStatus.values()) {
                        counts.put(status, 0L);
                    }
                    found.forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
                    return counts;
                });
    }

    /** The Stripe customer of the student's latest payment that has one, as a page's read (ADR 0076). */
    static PageRead<Optional<String>> customerOfRead(long universityId, long userId) {
        return PageRead.optional(
                "billing.customer-of-payments:" + universityId + ":" + userId,
                "SELECT customer_id FROM payments WHERE university_id = ? AND user_id = ? AND customer_id IS NOT NULL"
                        + " ORDER BY created_at DESC LIMIT 1",
                SqlRows.parameters(universityId, userId),
                rows -> rows.getString(1));
    }

    /** The row of a Razorpay order, locked until the transaction ends. */
    Optional<Payment> lockRazorpayOrder(long universityId, String orderId) {
        return one(
                "SELECT " + COLUMNS + " FROM payments WHERE university_id = ? AND provider = 'razorpay'"
                        + " AND external_id = ? FOR UPDATE",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setString(2, orderId);
                });
    }

    /** Cross-tenant on purpose: which university's payment a Razorpay order or payment id is. */
    Optional<Route> routeRazorpay(boolean byOrder, String value) {
        // The platform path of ADR 0010 (a SECURITY DEFINER function); the column is a constant.
        return SqlRows.optional(
                jdbc,
                "SELECT university_id, id FROM platform_route_razorpay_payment(?, ?)",
                SqlRows.parameters(byOrder ? "external_id" : "payment_intent_id", value),
                rows -> new Route(rows.getLong(1), rows.getObject(2, UUID.class)));
    }

    /** Whether a payment of any university was paid by this payment intent. */
    @Connectable
    public boolean recordsPaymentIntent(String paymentIntentId) {
        return routeByPaymentIntent(paymentIntentId).isPresent();
    }

    /** Cross-tenant on purpose: which university's payment a charge's payment intent paid. */
    Optional<Route> routeByPaymentIntent(String paymentIntentId) {
        return route("payment_intent_id", paymentIntentId);
    }

    /** Cross-tenant on purpose: which university's payment paid this invoice. */
    Optional<Route> routeByInvoice(String invoiceId) {
        return route("invoice_id", invoiceId);
    }

    private Optional<Route> route(String column, String value) {
        // The platform path of ADR 0010: a SECURITY DEFINER function, the only read of payments
        // across universities. column is one of two constants above, never input.
        return SqlRows.optional(
                jdbc,
                "SELECT university_id, id FROM platform_route_stripe_payment(?, ?)",
                SqlRows.parameters(column, value),
                rows -> new Route(rows.getLong(1), rows.getObject(2, UUID.class)));
    }

    /**
     * Stripe confirmed the payment: PAID, with what was actually charged and the Stripe ids that
     * later events (refunds) name. Ids already recorded are kept.
     */
    void markPaid(
            long universityId,
            UUID id,
            long amountCents,
            String currency,
            @Nullable String paymentIntentId,
            @Nullable String invoiceId,
            @Nullable String subscriptionId,
            @Nullable String customerId) {
        SqlRows.update(
                jdbc,
                "UPDATE payments SET status = 'PAID', paid_at = now(), updated_at = now(), amount_cents = ?,"
                        + " currency = ?, payment_intent_id = COALESCE(payment_intent_id, ?),"
                        + " invoice_id = COALESCE(invoice_id, ?), subscription_id = COALESCE(subscription_id, ?),"
                        + " customer_id = COALESCE(customer_id, ?) WHERE university_id = ? AND id = ?",
                statement -> {
                    statement.setLong(1, amountCents);
                    statement.setString(2, currency);
                    statement.setString(3, paymentIntentId);
                    statement.setString(4, invoiceId);
                    statement.setString(5, subscriptionId);
                    statement.setString(6, customerId);
                    statement.setLong(7, universityId);
                    statement.setObject(8, id);
                });
    }

    /** Records Stripe ids learnt before the payment is confirmed; ids already recorded are kept. */
    void attach(
            long universityId,
            UUID id,
            @Nullable String paymentIntentId,
            @Nullable String invoiceId,
            @Nullable String subscriptionId,
            @Nullable String customerId) {
        SqlRows.update(
                jdbc,
                "UPDATE payments SET updated_at = now(), payment_intent_id = COALESCE(payment_intent_id, ?),"
                        + " invoice_id = COALESCE(invoice_id, ?), subscription_id = COALESCE(subscription_id, ?),"
                        + " customer_id = COALESCE(customer_id, ?) WHERE university_id = ? AND id = ?",
                statement -> {
                    statement.setString(1, paymentIntentId);
                    statement.setString(2, invoiceId);
                    statement.setString(3, subscriptionId);
                    statement.setString(4, customerId);
                    statement.setLong(5, universityId);
                    statement.setObject(6, id);
                });
    }

    void setStatus(long universityId, UUID id, PaymentStatus status) {
        SqlRows.update(
                jdbc,
                "UPDATE payments SET status = ?, updated_at = now() WHERE university_id = ? AND id = ?",
                statement -> {
                    statement.setString(1, status.name());
                    statement.setLong(2, universityId);
                    statement.setObject(3, id);
                });
    }

    /** A refund reached {@code refundedCents} in total; adds what it took back and what stays owed. */
    void recordRefund(long universityId, UUID id, long refundedCents, int reversed, int owed, PaymentStatus status) {
        SqlRows.update(
                jdbc,
                "UPDATE payments SET refunded_cents = ?, credits_reversed = credits_reversed + ?,"
                        + " credits_owed = credits_owed + ?, status = ?, updated_at = now()"
                        + " WHERE university_id = ? AND id = ?",
                statement -> {
                    statement.setLong(1, refundedCents);
                    statement.setInt(2, reversed);
                    statement.setInt(3, owed);
                    statement.setString(4, status.name());
                    statement.setLong(5, universityId);
                    statement.setObject(6, id);
                });
    }

    private Optional<Payment> one(String sql, SqlRows.Binder binder) {
        return SqlRows.optional(jdbc, sql, binder, PaymentStore::payment);
    }

    private static Payment payment(ResultSet rows) throws SQLException {
        Timestamp paidAt = rows.getTimestamp("paid_at");
        return new Payment(
                rows.getObject("id", UUID.class),
                rows.getLong("university_id"),
                rows.getLong("user_id"),
                rows.getString("external_id"),
                Product.Kind.valueOf(rows.getString("kind")),
                rows.getString("product"),
                rows.getString("description"),
                rows.getLong("amount_cents"),
                rows.getString("currency"),
                PaymentStatus.valueOf(rows.getString("status")),
                Currency.valueOf(rows.getString("credits_currency")),
                rows.getInt("credits"),
                rows.getInt("credits_reversed"),
                rows.getInt("credits_owed"),
                rows.getLong("refunded_cents"),
                rows.getString("invoice_id"),
                rows.getString("payment_intent_id"),
                rows.getString("subscription_id"),
                rows.getString("customer_id"),
                rows.getTimestamp("created_at").toInstant(),
                paidAt == null ? null : paidAt.toInstant(),
                PaymentSettings.Provider.parse(rows.getString("provider")).orElseThrow());
    }
}
