package com.careerai.auth;

import com.careerai.platform.analytics.Cover;
import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
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
    @Connectable
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
                activePerBucket(universityId, period),
                activeInPeriod(universityId, period),
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

    /**
     * Distinct active students per bucket. Whole buckets are read from the counts the trigger on
     * {@code student_activity} keeps per day, week and month (V90, summed over its slots); the first and last bucket,
     * which the range may cut, are counted over their days inside it (at most a few weeks of
     * rows). Counting a year of activity per request was most of the page's time (issue 17).
     */
    private List<Figure.Point> activePerBucket(long universityId, Period period) {
        List<Period.Bucket> buckets = period.bucketsInside();
        List<Period.Bucket> whole =
                buckets.stream().filter(Period.Bucket::whole).toList();
        List<Figure.Point> points = new java.util.ArrayList<>();
        if (!whole.isEmpty()) {
            points.addAll(SqlFigures.points(
                    jdbc,
                    "SELECT starts_on, 'Active students', sum(students)::bigint FROM student_activity_counts"
                            + " WHERE university_id = ? AND unit = ? AND starts_on BETWEEN ? AND ? GROUP BY starts_on",
                    SqlRows.parameters(
                            universityId,
                            period.bucket(),
                            whole.get(0).start(),
                            whole.get(whole.size() - 1).start())));
        }
        for (Period.Bucket bucket : buckets) {
            if (!bucket.whole()) {
                points.add(new Figure.Point(
                        bucket.start(),
                        "Active students",
                        SqlRows.single(
                                jdbc,
                                "SELECT count(*) FROM (SELECT DISTINCT user_id FROM student_activity"
                                        + " WHERE university_id = ? AND day BETWEEN ? AND ?) AS active",
                                SqlRows.parameters(universityId, bucket.from(), bucket.to()),
                                row -> row.getLong(1))));
            }
        }
        return points;
    }

    /**
     * Distinct students active in the period: the union of the (week or month, student) rows of
     * the whole weeks and months inside it (V90) and the activity of the few days left over.
     */
    private List<Number> activeInPeriod(long universityId, Period period) {
        Cover cover = period.cover();
        Cover.Condition periods = cover.periods("unit", "starts_on");
        Cover.Condition days = cover.days("day");
        return SqlFigures.totals(
                jdbc,
                "SELECT count(*) FROM (SELECT user_id FROM student_activity_periods WHERE university_id = ? AND "
                        + periods.sql() + " UNION SELECT user_id FROM student_activity WHERE university_id = ? AND "
                        + days.sql() + ") AS active",
                SqlFigures.parameters(universityId, periods, universityId, days));
    }

    private static long students(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        return row.getLong(column);
    }
}
