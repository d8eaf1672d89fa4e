package com.careerai.auth;

import com.careerai.platform.data.SqlRows;
import com.careerai.tenancy.UsagePart;
import com.careerai.tenancy.UsageSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;

/** Operators' usage figures: a university's students, and those who signed in lately. */
@Singleton
class StudentUsage implements UsageSource {
    private final JdbcOperations jdbc;

    StudentUsage(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public UsagePart figures(long universityId, Instant since) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*) FILTER (WHERE role = 'STUDENT'),"
                        + " count(*) FILTER (WHERE role = 'STUDENT' AND last_sign_in_at >= ?)"
                        + " FROM users WHERE university_id = ?",
                SqlRows.parameters(Timestamp.from(since), universityId),
                rows -> UsagePart.students(rows.getLong(1), rows.getLong(2)));
    }
}
