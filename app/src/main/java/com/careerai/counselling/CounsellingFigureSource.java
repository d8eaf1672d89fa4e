package com.careerai.counselling;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.web.PageReads;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of counselling: appointments by outcome, and each counsellor's sessions, hours and ratings. */
@Singleton
class CounsellingFigureSource implements FigureSource {
    private final PageReads pageReads;

    CounsellingFigureSource(PageReads pageReads) {
        this.pageReads = pageReads;
    }

    @Override
    public int order() {
        return 50;
    }

    private static final String OUTCOME =
            "CASE status WHEN 'COMPLETED' THEN 'Completed' WHEN 'CANCELLED' THEN 'Cancelled'"
                    + " WHEN 'NO_SHOW' THEN 'No-shows' ELSE 'Booked' END";
    private static final List<String> OUTCOMES = List.of("Booked", "Completed", "Cancelled", "No-shows");

    @Override
    public List<PageRead<?>> reads(long universityId, Period period) {
        return List.of(
                outcomes(universityId, period),
                perBucket(universityId, period),
                counsellors(universityId, period),
                counsellorTotals(universityId, period));
    }

    @Override
    public List<Figure> figures(long universityId, Period period) {
        Figure appointments = Figure.series(
                "appointments",
                "Counselling appointments",
                period,
                OUTCOMES,
                pageReads.read(perBucket(universityId, period)),
                pageReads.read(outcomes(universityId, period)),
                "Appointments starting in the period, by what became of them (booked: not held yet).");
        return List.of(
                appointments,
                Figure.table(
                        "counsellors",
                        "Counsellors: sessions, hours booked and ratings",
                        "Counsellor",
                        List.of("Sessions held", "Hours booked", "Cancelled", "No-shows", "Average rating"),
                        pageReads.read(counsellors(universityId, period)),
                        pageReads.read(counsellorTotals(universityId, period)),
                        "Approved counsellors' appointments starting in the period; hours booked count every"
                                + " appointment not cancelled (utilisation); ratings given in the period."));
    }

    private static PageRead<List<Number>> outcomes(long universityId, Period period) {
        return SqlFigures.totals(
                SqlFigures.key("counselling.outcomes", universityId, period),
                "SELECT count(*) FILTER (WHERE status IN ('PENDING', 'CONFIRMED')),"
                        + " count(*) FILTER (WHERE status = 'COMPLETED'), count(*) FILTER (WHERE status = 'CANCELLED'),"
                        + " count(*) FILTER (WHERE status = 'NO_SHOW')"
                        + " FROM appointments WHERE university_id = ? AND starts_at >= ? AND starts_at < ?",
                SqlRows.parameters(universityId, period.start(), period.end()));
    }

    private static PageRead<List<Figure.Point>> perBucket(long universityId, Period period) {
        return SqlFigures.points(
                SqlFigures.key("counselling.per-bucket", universityId, period),
                "SELECT " + period.bucketOf("starts_at") + ", " + OUTCOME + ", count(*) FROM appointments"
                        + " WHERE university_id = ? AND starts_at >= ? AND starts_at < ? GROUP BY 1, 2",
                SqlRows.parameters(universityId, period.start(), period.end()));
    }

    private static PageRead<List<Figure.Row>> counsellors(long universityId, Period period) {
        return PageRead.list(
                SqlFigures.key("counselling.counsellors", universityId, period),
                "SELECT c.display_name,"
                        + " count(a.id) FILTER (WHERE a.status = 'COMPLETED') AS held,"
                        + " COALESCE(round(sum(EXTRACT(EPOCH FROM a.ends_at - a.starts_at) / 3600)"
                        + "   FILTER (WHERE a.status IN ('COMPLETED', 'CONFIRMED', 'PENDING', 'NO_SHOW'))::numeric, 1), 0) AS hours,"
                        + " count(a.id) FILTER (WHERE a.status = 'CANCELLED') AS cancelled,"
                        + " count(a.id) FILTER (WHERE a.status = 'NO_SHOW') AS no_shows,"
                        + " (SELECT round(avg(f.rating)::numeric, 2) FROM appointment_feedback f"
                        + "   WHERE f.university_id = c.university_id AND f.counsellor_id = c.user_id"
                        + "   AND f.created_at >= ? AND f.created_at < ?) AS rating,"
                        + " count(DISTINCT a.student_id) AS students"
                        + " FROM counsellors c LEFT JOIN appointments a ON a.university_id = c.university_id"
                        + " AND a.counsellor_id = c.user_id AND a.starts_at >= ? AND a.starts_at < ?"
                        + " WHERE c.university_id = ? AND c.status = 'APPROVED'"
                        + " GROUP BY c.university_id, c.user_id, c.display_name ORDER BY held DESC, c.display_name",
                SqlRows.parameters(period.start(), period.end(), period.start(), period.end(), universityId),
                row -> {
                    java.util.ArrayList<Number> values = new java.util.ArrayList<>();
                    values.add(row.getLong("held"));
                    values.add(row.getBigDecimal("hours"));
                    values.add(row.getLong("cancelled"));
                    values.add(row.getLong("no_shows"));
                    values.add(row.getBigDecimal("rating"));
                    return Figure.Row.ofStudents(row.getString("display_name"), values, row.getLong("students"));
                });
    }

    private static PageRead<List<Number>> counsellorTotals(long universityId, Period period) {
        return SqlFigures.totals(
                SqlFigures.key("counselling.counsellor-totals", universityId, period),
                "SELECT count(*) FILTER (WHERE status = 'COMPLETED'),"
                        + " COALESCE(round(sum(EXTRACT(EPOCH FROM ends_at - starts_at) / 3600)"
                        + "   FILTER (WHERE status IN ('COMPLETED', 'CONFIRMED', 'PENDING', 'NO_SHOW'))::numeric, 1), 0),"
                        + " count(*) FILTER (WHERE status = 'CANCELLED'), count(*) FILTER (WHERE status = 'NO_SHOW'),"
                        + " (SELECT round(avg(rating)::numeric, 2) FROM appointment_feedback"
                        + "   WHERE university_id = ? AND created_at >= ? AND created_at < ?)"
                        + " FROM appointments WHERE university_id = ? AND starts_at >= ? AND starts_at < ?",
                SqlRows.parameters(
                        universityId, period.start(), period.end(), universityId, period.start(), period.end()));
    }
}
