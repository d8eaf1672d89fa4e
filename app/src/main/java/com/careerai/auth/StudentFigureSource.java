package com.careerai.auth;

import com.careerai.platform.analytics.Cover;
import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.web.PageReads;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Staff analytics of students: sign-ups and active students (from {@code student_activity}). */
@Singleton
class StudentFigureSource implements FigureSource {
    private final PageReads pageReads;

    StudentFigureSource(PageReads pageReads) {
        this.pageReads = pageReads;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<PageRead<?>> reads(long universityId, Period period) {
        List<PageRead<?>> reads = new ArrayList<>(List.of(
                signUps(universityId, period),
                signUpTotal(universityId, period),
                activeInPeriod(universityId, period),
                rolling(universityId, period)));
        wholeBuckets(universityId, period).ifPresent(reads::add);
        for (Period.Bucket bucket : period.bucketsInside()) {
            if (!bucket.whole()) {
                reads.add(activeInBucket(universityId, bucket));
            }
        }
        return reads;
    }

    @Override
    public List<Figure> figures(long universityId, Period period) {
        Figure signUps = Figure.series(
                "sign-ups",
                "Sign-ups",
                period,
                List.of("Sign-ups"),
                pageReads.read(signUps(universityId, period)),
                pageReads.read(signUpTotal(universityId, period)),
                "Students whose account was created in the period.");
        Figure active = Figure.series(
                "active-students",
                "Active students",
                period,
                List.of("Active students"),
                activePerBucket(universityId, period),
                pageReads.read(activeInPeriod(universityId, period)),
                "Distinct students who used CareerAI signed in, per " + period.bucket()
                        + "; the total counts each student once.");
        List<Figure.Row> rolling = pageReads.read(rolling(universityId, period));
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

    private static PageRead<List<Figure.Point>> signUps(long universityId, Period period) {
        return SqlFigures.points(
                SqlFigures.key("students.sign-ups", universityId, period),
                "SELECT " + period.bucketOf("created_at") + ", 'Sign-ups', count(*) FROM users"
                        + " WHERE university_id = ? AND role = 'STUDENT' AND created_at >= ? AND created_at < ?"
                        + " GROUP BY 1",
                SqlRows.parameters(universityId, period.start(), period.end()));
    }

    private static PageRead<List<Number>> signUpTotal(long universityId, Period period) {
        return SqlFigures.totals(
                SqlFigures.key("students.sign-up-total", universityId, period),
                "SELECT count(*) FROM users WHERE university_id = ? AND role = 'STUDENT'"
                        + " AND created_at >= ? AND created_at < ?",
                SqlRows.parameters(universityId, period.start(), period.end()));
    }

    /** Distinct active students on the period's last day, in the 7 days and in the 30 days up to it. */
    private static PageRead<List<Figure.Row>> rolling(long universityId, Period period) {
        return PageRead.single(
                SqlFigures.key("students.rolling", universityId, period),
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
    }

    /**
     * Distinct active students per bucket. Whole buckets are read from the counts the trigger on
     * {@code student_activity} keeps per day, week and month (V90, summed over its slots); the first and last bucket,
     * which the range may cut, are counted over their days inside it (at most a few weeks of
     * rows). Counting a year of activity per request was most of the page's time (issue 17).
     */
    private List<Figure.Point> activePerBucket(long universityId, Period period) {
        List<Figure.Point> points = new ArrayList<>();
        wholeBuckets(universityId, period).ifPresent(read -> points.addAll(pageReads.read(read)));
        for (Period.Bucket bucket : period.bucketsInside()) {
            if (!bucket.whole()) {
                points.add(new Figure.Point(
                        bucket.start(), "Active students", pageReads.read(activeInBucket(universityId, bucket))));
            }
        }
        return points;
    }

    /** The active students of the period's whole buckets, from the kept counts; none when no bucket is whole. */
    private static Optional<PageRead<List<Figure.Point>>> wholeBuckets(long universityId, Period period) {
        List<Period.Bucket> whole =
                period.bucketsInside().stream().filter(Period.Bucket::whole).toList();
        if (whole.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SqlFigures.points(
                SqlFigures.key("students.active-whole-buckets", universityId, period),
                "SELECT starts_on, 'Active students', sum(students)::bigint FROM student_activity_counts"
                        + " WHERE university_id = ? AND unit = ? AND starts_on BETWEEN ? AND ? GROUP BY starts_on",
                SqlRows.parameters(
                        universityId,
                        period.bucket(),
                        whole.get(0).start(),
                        whole.get(whole.size() - 1).start())));
    }

    /** Distinct students active on the days of a bucket the period cuts. */
    private static PageRead<Long> activeInBucket(long universityId, Period.Bucket bucket) {
        return PageRead.single(
                SqlFigures.key("students.active-in-bucket", universityId, new Period(bucket.from(), bucket.to())),
                "SELECT count(*) FROM (SELECT DISTINCT user_id FROM student_activity"
                        + " WHERE university_id = ? AND day BETWEEN ? AND ?) AS active",
                SqlRows.parameters(universityId, bucket.from(), bucket.to()),
                row -> row.getLong(1));
    }

    /**
     * Distinct students active in the period: the union of the (week or month, student) rows of
     * the whole weeks and months inside it (V90) and the activity of the few days left over.
     */
    private static PageRead<List<Number>> activeInPeriod(long universityId, Period period) {
        Cover cover = period.cover();
        Cover.Condition periods = cover.periods("unit", "starts_on");
        Cover.Condition days = cover.days("day");
        return SqlFigures.totals(
                SqlFigures.key("students.active-in-period", universityId, period),
                "SELECT count(*) FROM (SELECT user_id FROM student_activity_periods WHERE university_id = ? AND "
                        + periods.sql() + " UNION SELECT user_id FROM student_activity WHERE university_id = ? AND "
                        + days.sql() + ") AS active",
                SqlFigures.parameters(universityId, periods, universityId, days));
    }
}
