package com.careerai.billing;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of {@code invoice_settings}, {@code invoice_counters} and {@code invoices}, every
 * statement scoped by university. Joins the caller's transaction.
 */
@Singleton
class InvoiceStore {
    private static final String COLUMNS = "university_id, payment_id, number, label, issued_at, seller_name,"
            + " seller_address, seller_tax_id, tax_rate_bp, currency, net_cents, tax_cents, total_cents";

    private final JdbcOperations jdbc;

    InvoiceStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<InvoiceSettings> settings(long universityId) {
        return SqlRows.optional(
                jdbc,
                "SELECT legal_name, address, tax_id, tax_rate_bp, changed_by, changed_at FROM invoice_settings"
                        + " WHERE university_id = ?",
                SqlRows.parameters(universityId),
                rows -> new InvoiceSettings(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getInt(4),
                        rows.getString(5),
                        rows.getTimestamp(6).toInstant()));
    }

    void saveSettings(long universityId, InvoiceSettings settings) {
        SqlRows.update(
                jdbc,
                "INSERT INTO invoice_settings (university_id, legal_name, address, tax_id, tax_rate_bp, changed_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (university_id) DO UPDATE SET"
                        + " legal_name = excluded.legal_name, address = excluded.address, tax_id = excluded.tax_id,"
                        + " tax_rate_bp = excluded.tax_rate_bp, changed_by = excluded.changed_by, changed_at = now()",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setString(2, settings.legalName());
                    statement.setString(3, settings.address());
                    statement.setString(4, settings.taxId());
                    statement.setInt(5, settings.taxRateBasisPoints());
                    statement.setString(6, settings.changedBy());
                });
    }

    /**
     * The university's next invoice number. The counter row stays locked until the transaction
     * ends, so concurrent confirmations take numbers one after another, and a rollback gives the
     * number back: no gaps, no duplicates.
     */
    long nextNumber(long universityId) {
        return SqlRows.optional(
                        jdbc,
                        "INSERT INTO invoice_counters (university_id, last_number) VALUES (?, 1)"
                                + " ON CONFLICT (university_id) DO UPDATE SET last_number = invoice_counters.last_number + 1"
                                + " RETURNING last_number",
                        SqlRows.parameters(universityId),
                        rows -> rows.getLong(1))
                .orElseThrow();
    }

    void insert(Invoice invoice) {
        SqlRows.update(
                jdbc,
                "INSERT INTO invoices (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    statement.setLong(1, invoice.universityId());
                    statement.setObject(2, invoice.paymentId());
                    statement.setLong(3, invoice.number());
                    statement.setString(4, invoice.label());
                    statement.setTimestamp(5, java.sql.Timestamp.from(invoice.issuedAt()));
                    statement.setString(6, invoice.sellerName());
                    statement.setString(7, invoice.sellerAddress());
                    statement.setString(8, invoice.sellerTaxId());
                    statement.setInt(9, invoice.taxRateBasisPoints());
                    statement.setString(10, invoice.currency());
                    statement.setLong(11, invoice.netCents());
                    statement.setLong(12, invoice.taxCents());
                    statement.setLong(13, invoice.totalCents());
                });
    }

    Optional<Invoice> ofPayment(long universityId, UUID paymentId) {
        return ofPaymentRead(universityId, paymentId).runOn(jdbc);
    }

    /** A payment's invoice, as a page's read (ADR 0076). */
    static PageRead<Optional<Invoice>> ofPaymentRead(long universityId, UUID paymentId) {
        return PageRead.optional(
                "billing.invoice-of-payment:" + universityId + ":" + paymentId,
                "SELECT " + COLUMNS + " FROM invoices WHERE university_id = ? AND payment_id = ?",
                SqlRows.parameters(universityId, paymentId),
                InvoiceStore::invoice);
    }

    private static Invoice invoice(ResultSet rows) throws SQLException {
        return new Invoice(
                rows.getLong("university_id"),
                rows.getObject("payment_id", UUID.class),
                rows.getLong("number"),
                rows.getString("label"),
                rows.getTimestamp("issued_at").toInstant(),
                rows.getString("seller_name"),
                rows.getString("seller_address"),
                rows.getString("seller_tax_id"),
                rows.getInt("tax_rate_bp"),
                rows.getString("currency"),
                rows.getLong("net_cents"),
                rows.getLong("tax_cents"),
                rows.getLong("total_cents"));
    }

    /** What staff set for their university's invoices. */
    record InvoiceSettings(
            String legalName,
            String address,
            @Nullable String taxId,
            int taxRateBasisPoints,
            String changedBy,
            @Nullable Instant changedAt) {}
}
