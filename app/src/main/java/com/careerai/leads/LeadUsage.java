package com.careerai.leads;

import com.careerai.platform.data.SqlRows;
import com.careerai.tenancy.UsagePart;
import com.careerai.tenancy.UsageSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/** Operators' usage figures (tenant-admin {@code usage}): leads that came in since the instant asked for. */
@Singleton
class LeadUsage implements UsageSource {
    private final JdbcOperations jdbc;

    LeadUsage(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public UsagePart figures(long universityId, Instant since) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*) FROM leads WHERE university_id = ? AND created_at >= ?",
                SqlRows.parameters(universityId, Timestamp.from(since)),
                rows -> UsagePart.counts(Map.of("leads", rows.getLong(1))));
    }
}
