package com.careerai.billing;

import com.careerai.platform.data.SqlRows;
import com.careerai.tenancy.UsageFigures;
import com.careerai.tenancy.UsagePart;
import com.careerai.tenancy.UsageSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Operators' usage figures: a university's payments since an instant, counted and summed in cents,
 * and counted by provider and status ({@code payments_razorpay_pending 2}, {@code payments_stripe_paid 5}
 * …; only the pairs that occur), so stale or failed payments show in {@code tenant-admin usage}.
 */
@Singleton
class PaymentUsage implements UsageSource {
    private final JdbcOperations jdbc;

    PaymentUsage(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public UsagePart figures(long universityId, Instant since) {
        UsageFigures.Payments totals = SqlRows.single(
                jdbc,
                "SELECT count(*), sum(amount_cents) FROM payments WHERE university_id = ? AND created_at >= ?",
                SqlRows.parameters(universityId, Timestamp.from(since)),
                rows -> new UsageFigures.Payments(rows.getLong(1), rows.getBigDecimal(2)));
        Map<String, Long> byProviderAndStatus = new TreeMap<>();
        SqlRows.list(
                        jdbc,
                        "SELECT provider, status, count(*) FROM payments WHERE university_id = ? AND created_at >= ?"
                                + " GROUP BY provider, status",
                        SqlRows.parameters(universityId, Timestamp.from(since)),
                        rows -> Map.entry(
                                "payments_" + rows.getString(1) + "_"
                                        + rows.getString(2).toLowerCase(Locale.ROOT),
                                rows.getLong(3)))
                .forEach(entry -> byProviderAndStatus.put(entry.getKey(), entry.getValue()));
        return new UsagePart(null, null, null, totals, byProviderAndStatus);
    }
}
