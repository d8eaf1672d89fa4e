package com.careerai.courses;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.web.PageReads;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of courses: enrolments per day and per course, with the revenue of paid places. */
@Singleton
class CourseFigureSource implements FigureSource {
    private final PageReads pageReads;

    CourseFigureSource(PageReads pageReads) {
        this.pageReads = pageReads;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public List<PageRead<?>> reads(long universityId, Period period) {
        return List.of(perBucket(universityId, period), total(universityId, period), byCourse(universityId, period));
    }

    @Override
    public List<Figure> figures(long universityId, Period period) {
        Figure enrolments = Figure.series(
                "enrolments",
                "Cohort enrolments",
                period,
                List.of("Enrolments"),
                pageReads.read(perBucket(universityId, period)),
                pageReads.read(total(universityId, period)),
                "Places taken in the period that are active (paid or free; not waitlisted or cancelled).");
        java.util.ArrayList<Number> totals = new java.util.ArrayList<>(enrolments.totals());
        totals.add(null);
        totals.add(null);
        return List.of(
                enrolments,
                Figure.table(
                        "enrolments-by-course",
                        "Enrolment and revenue per course",
                        "Course (currency)",
                        List.of("Places", "Revenue", "Credits"),
                        pageReads.read(byCourse(universityId, period)),
                        totals,
                        "Active places taken in the period; revenue in the currency's major unit, credits as charged."));
    }

    private static PageRead<List<Figure.Point>> perBucket(long universityId, Period period) {
        return SqlFigures.points(
                SqlFigures.key("courses.per-bucket", universityId, period),
                "SELECT " + period.bucketOf("created_at") + ", 'Enrolments', count(*) FROM enrolments"
                        + " WHERE university_id = ? AND created_at >= ? AND created_at < ? AND status = 'ACTIVE'"
                        + " GROUP BY 1",
                SqlRows.parameters(universityId, period.start(), period.end()));
    }

    private static PageRead<List<Number>> total(long universityId, Period period) {
        return SqlFigures.totals(
                SqlFigures.key("courses.total", universityId, period),
                "SELECT count(*) FROM enrolments WHERE university_id = ? AND created_at >= ? AND created_at < ?"
                        + " AND status = 'ACTIVE'",
                SqlRows.parameters(universityId, period.start(), period.end()));
    }

    private static PageRead<List<Figure.Row>> byCourse(long universityId, Period period) {
        return PageRead.list(
                SqlFigures.key("courses.by-course", universityId, period),
                "SELECT c.title || COALESCE(' (' || upper(e.currency) || ')', '') AS label, count(*) AS places,"
                        + " round(COALESCE(sum(e.amount_cents) FILTER (WHERE e.payment = 'MONEY'), 0) / 100.0, 2) AS revenue,"
                        + " COALESCE(sum(e.credits) FILTER (WHERE e.payment = 'CREDITS'), 0) AS credits,"
                        + " count(DISTINCT e.user_id) AS students"
                        + " FROM enrolments e JOIN batches b ON b.university_id = e.university_id AND b.id = e.batch_id"
                        + " JOIN courses c ON c.university_id = b.university_id AND c.id = b.course_id"
                        + " WHERE e.university_id = ? AND e.created_at >= ? AND e.created_at < ? AND e.status = 'ACTIVE'"
                        + " GROUP BY c.id, c.title, e.currency ORDER BY count(*) DESC, label",
                SqlRows.parameters(universityId, period.start(), period.end()),
                row -> Figure.Row.ofStudents(
                        row.getString("label"),
                        List.of(row.getLong("places"), row.getBigDecimal("revenue"), row.getLong("credits")),
                        row.getLong("students")));
    }
}
