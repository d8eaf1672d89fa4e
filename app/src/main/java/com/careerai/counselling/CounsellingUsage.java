package com.careerai.counselling;

import com.careerai.platform.data.SqlRows;
import com.careerai.tenancy.UsagePart;
import com.careerai.tenancy.UsageSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/** Operators' usage figures (tenant-admin {@code usage}): appointments held, cancelled and missed since the instant asked for. */
@Singleton
class CounsellingUsage implements UsageSource {
    private final JdbcOperations jdbc;

    CounsellingUsage(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public UsagePart figures(long universityId, Instant since) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*) FILTER (WHERE status = 'COMPLETED'), count(*) FILTER (WHERE status = 'CANCELLED'),"
                        + " count(*) FILTER (WHERE status = 'NO_SHOW') FROM appointments WHERE university_id = ? AND starts_at >= ?"
                        + " AND starts_at < now()",
                SqlRows.parameters(universityId, Timestamp.from(since)),
                rows -> UsagePart.counts(Map.of(
                        "appointments_held",
                        rows.getLong(1),
                        "appointments_cancelled",
                        rows.getLong(2),
                        "appointments_no_show",
                        rows.getLong(3))));
    }
}
