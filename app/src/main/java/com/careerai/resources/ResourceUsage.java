package com.careerai.resources;

import com.careerai.platform.data.SqlRows;
import com.careerai.tenancy.UsagePart;
import com.careerai.tenancy.UsageSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/** Operators' usage figures (tenant-admin {@code usage}): resource downloads since the instant asked for. */
@Singleton
class ResourceUsage implements UsageSource {
    private final JdbcOperations jdbc;

    ResourceUsage(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public UsagePart figures(long universityId, Instant since) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*) FROM resource_downloads WHERE university_id = ? AND downloaded_at >= ?",
                SqlRows.parameters(universityId, Timestamp.from(since)),
                rows -> UsagePart.counts(Map.of("resource_downloads", rows.getLong(1))));
    }
}
