package com.careerai.support;

import com.careerai.platform.data.SqlRows;
import com.careerai.tenancy.UsagePart;
import com.careerai.tenancy.UsageSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/** Operators' usage figures (tenant-admin {@code usage}): tickets opened since the instant asked for. */
@Singleton
class TicketUsage implements UsageSource {
    private final JdbcOperations jdbc;

    TicketUsage(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public UsagePart figures(long universityId, Instant since) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*) FROM tickets WHERE university_id = ? AND created_at >= ?",
                SqlRows.parameters(universityId, Timestamp.from(since)),
                rows -> UsagePart.counts(Map.of("tickets", rows.getLong(1))));
    }
}
