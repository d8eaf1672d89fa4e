package com.careerai.auth;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of students: sign-ups and active students (from {@code student_activity}). */
@Singleton
class StudentFigureSource implements FigureSource {
    private final JdbcOperations jdbc;

    StudentFigureSource(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Figure> figures(long universityId, Period period) {
        Figure signUps = Figure.series(
                "sign-ups",
                "Sign-ups",
                period,
                List.of("Sign-ups"),
                SqlFigures.points(
                        jdbc,
                        "SELECT " + period.bucketOf("created_at") + ", 'Sign-ups', count(*) FROM users"
                                + " WHERE university_id = ? AND role = 'STUDENT' AND created_at >= ? AND created_at < ?"
                                + " GROUP BY 1",
                        SqlRows.parameters(universityId, period.start(), period.end())),
                SqlFigures.totals(
                        jdbc,
                        "SELECT count(*) FROM users WHERE university_id = ? AND role = 'STUDENT'"
                                + " AND created_at >= ? AND created_at < ?",
                        SqlRows.parameters(universityId, period.start(), period.end())),
                "Students whose account was created in the period.");
        Figure active = Figure.series(
                "active-students",
                "Active students",
                period,
                List.of("Active students"),
                SqlFigures.points(
                        jdbc,
                        // DISTINCT (bucket, student) hashes; count(DISTINCT) sorted a year of
                        // activity on disk (issue 17).
                        "SELECT bucket, 'Active students', count(*) FROM (SELECT DISTINCT "
                                + period.bucketOfDay("day") + " AS bucket, user_id"
                                + " FROM student_activity WHERE university_id = ? AND day BETWEEN ? AND ?) AS active"
                                + " GROUP BY bucket",
                        SqlRows.parameters(universityId, period.from(), period.to())),
                SqlFigures.totals(
                        jdbc,
                        "SELECT count(*) FROM (SELECT DISTINCT user_id FROM student_activity"
                                + " WHERE university_id = ? AND day BETWEEN ? AND ?) AS active",
                        SqlRows.parameters(universityId, period.from(), period.to())),
                "Distinct students who used CareerAI signed in, per " + period.bucket()
                        + "; the total counts each student once.");
        List<Figure.Row> rolling = SqlRows.single(
                jdbc,
                "SELECT count(DISTINCT user_id) FILTER (WHERE day = ?),"
                        + " count(DISTINCT user_id) FILTER (WHERE day > ?),"
                        + " count(DISTINCT user_id)"
                        + " FROM student_activity WHERE university_id = ? AND day > ? AND day <= ?",
                SqlRows.parameters(
                        period.to(),
                        period.to().minusDays(7),
                        universityId,
                        period.to().minusDays(30),
                        period.to()),
                row -> List.of(
                        Figure.Row.of("Day (" + period.to() + ")", List.of(row.getLong(1))),
                        Figure.Row.of("Week (7 days to " + period.to() + ")", List.of(row.getLong(2))),
                        Figure.Row.of("Month (30 days to " + period.to() + ")", List.of(row.getLong(3)))));
        Figure activeNow = Figure.table(
                "active-students-dwm",
                "Active students: day, week, month",
                "Window",
                List.of("Active students"),
                rolling,
                List.of(rolling.get(2).values().get(0)),
                "Distinct active students on the last day of the range, in the 7 and in the 30 days up to it.");
        return List.of(active, activeNow, signUps);
    }

    private static long students(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        return row.getLong(column);
    }
}
