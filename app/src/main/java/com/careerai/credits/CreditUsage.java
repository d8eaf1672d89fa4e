package com.careerai.credits;

import com.careerai.platform.data.SqlRows;
import com.careerai.tenancy.UsageFigures;
import com.careerai.tenancy.UsagePart;
import com.careerai.tenancy.UsageSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Operators' usage figures: credits a university's wallets were granted, spent and refunded since an
 * instant, per currency, all as positive numbers (GRANT, DEBIT and REFUND ledger rows).
 */
@Singleton
class CreditUsage implements UsageSource {
    private record Movement(TransactionType type, String currency, long amount) {}

    private final JdbcOperations jdbc;

    CreditUsage(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public UsagePart figures(long universityId, Instant since) {
        Map<String, Long> granted = new TreeMap<>();
        Map<String, Long> spent = new TreeMap<>();
        Map<String, Long> refunded = new TreeMap<>();
        for (Movement movement : SqlRows.list(
                jdbc,
                "SELECT type, currency, abs(sum(amount)) FROM credit_transactions"
                        + " WHERE university_id = ? AND created_at >= ? AND type IN ('GRANT', 'DEBIT', 'REFUND')"
                        + " GROUP BY type, currency",
                SqlRows.parameters(universityId, Timestamp.from(since)),
                rows -> new Movement(TransactionType.valueOf(rows.getString(1)), rows.getString(2), rows.getLong(3)))) {
            Map<String, Long> target =
                    switch (movement.type()) {
                        case GRANT -> granted;
                        case DEBIT -> spent;
                        default -> refunded;
                    };
            target.put(movement.currency(), movement.amount());
        }
        return UsagePart.credits(new UsageFigures.Credits(granted, spent, refunded));
    }
}
