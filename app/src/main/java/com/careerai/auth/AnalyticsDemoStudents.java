package com.careerai.auth;

import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoUniversity;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Demo history for staff analytics: 60 students ({@code history01..60@demo.edu}) who joined over
 * the last four months, each active on about three days in ten since joining — generated in two
 * SQL statements. Existing rows are kept ({@code ON CONFLICT DO NOTHING}); a later start only adds
 * the days since.
 */
@Singleton
class AnalyticsDemoStudents implements DemoSeedStep {
    static final int STUDENTS = 60;
    static final String PREFIX = "history";

    private final JdbcOperations jdbc;

    AnalyticsDemoStudents(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int getOrder() {
        return PEOPLE + 50;
    }

    @Override
    @Transactional
    public void seed(DemoUniversity demo) {
        SqlRows.update(
                jdbc,
                "INSERT INTO users (university_id, email, name, role, email_verified, created_at, last_sign_in_at)"
                        + " SELECT ?, ? || lpad(n::text, 2, '0') || '@' || ?, 'History Student ' || n, 'STUDENT', TRUE,"
                        + " now() - make_interval(days => 121 - 2 * n), now() - make_interval(days => (n * 7) % 10)"
                        + " FROM generate_series(1, ?) AS n ON CONFLICT (university_id, email) DO NOTHING",
                SqlRows.parameters(demo.id(), PREFIX, demo.emailDomain(), STUDENTS));
        SqlRows.update(
                jdbc,
                "INSERT INTO student_activity (university_id, day, user_id)"
                        + " SELECT u.university_id, d.day, u.id FROM users u"
                        + " CROSS JOIN LATERAL (SELECT g::date AS day FROM generate_series(u.created_at::date,"
                        + "   current_date, interval '1 day') AS g) AS d"
                        + " WHERE u.university_id = ? AND u.email LIKE ? AND abs(hashtext(u.id || ':' || d.day)) % 10 < 3"
                        + " ON CONFLICT DO NOTHING",
                SqlRows.parameters(demo.id(), PREFIX + "%@" + demo.emailDomain()));
    }
}
