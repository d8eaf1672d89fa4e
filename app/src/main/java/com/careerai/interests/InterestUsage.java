package com.careerai.interests;

import com.careerai.platform.data.SqlRows;
import com.careerai.tenancy.UsagePart;
import com.careerai.tenancy.UsageSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/** Operators' usage figures (tenant-admin {@code usage}): interests picked by students since the instant asked for. */
@Singleton
class InterestUsage implements UsageSource {
    private final JdbcOperations jdbc;

    InterestUsage(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public UsagePart figures(long universityId, Instant since) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*) FROM student_interests WHERE university_id = ? AND created_at >= ?",
                SqlRows.parameters(universityId, Timestamp.from(since)),
                rows -> UsagePart.counts(Map.of("interests_picked", rows.getLong(1))));
    }
}
