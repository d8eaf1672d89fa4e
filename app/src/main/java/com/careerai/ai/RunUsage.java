package com.careerai.ai;

import com.careerai.platform.data.SqlRows;
import com.careerai.tenancy.UsagePart;
import com.careerai.tenancy.UsageSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Operators' usage figures: a university's AI runs started since an instant, by tool. */
@Singleton
class RunUsage implements UsageSource {
    private final JdbcOperations jdbc;

    RunUsage(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public UsagePart figures(long universityId, Instant since) {
        Map<String, Long> runs = new TreeMap<>();
        SqlRows.list(
                        jdbc,
                        "SELECT tool, count(*) FROM ai_runs WHERE university_id = ? AND created_at >= ? GROUP BY tool",
                        SqlRows.parameters(universityId, Timestamp.from(since)),
                        rows -> Map.entry(rows.getString(1), rows.getLong(2)))
                .forEach(entry -> runs.put(entry.getKey(), entry.getValue()));
        return UsagePart.runs(runs);
    }
}
