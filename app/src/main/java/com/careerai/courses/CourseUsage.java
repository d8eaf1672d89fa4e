package com.careerai.courses;

import com.careerai.platform.data.SqlRows;
import com.careerai.tenancy.UsagePart;
import com.careerai.tenancy.UsageSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/** Operators' usage figures (tenant-admin {@code usage}): active enrolments taken since the instant asked for. */
@Singleton
class CourseUsage implements UsageSource {
    private final JdbcOperations jdbc;

    CourseUsage(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public UsagePart figures(long universityId, Instant since) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*) FROM enrolments WHERE university_id = ? AND created_at >= ? AND status = 'ACTIVE'",
                SqlRows.parameters(universityId, Timestamp.from(since)),
                rows -> UsagePart.counts(Map.of("enrolments", rows.getLong(1))));
    }
}
