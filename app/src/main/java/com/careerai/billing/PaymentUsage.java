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

/** Operators' usage figures: a university's payments since an instant, counted and summed in cents. */
@Singleton
class PaymentUsage implements UsageSource {
    private final JdbcOperations jdbc;

    PaymentUsage(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public UsagePart figures(long universityId, Instant since) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*), sum(amount_cents) FROM payments WHERE university_id = ? AND created_at >= ?",
                SqlRows.parameters(universityId, Timestamp.from(since)),
                rows -> UsagePart.payments(new UsageFigures.Payments(rows.getLong(1), rows.getBigDecimal(2))));
    }
}
