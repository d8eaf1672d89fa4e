package com.careerai.counselling;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of counselling: appointments by outcome, and each counsellor's sessions, hours and ratings. */
@Singleton
class CounsellingFigureSource implements FigureSource {
    private final JdbcOperations jdbc;

    CounsellingFigureSource(JdbcOperations jdbc) {
        this.jdbc = jdbc;
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
    @Connectable
    public List<Figure> figures(long universityId, Period period) {
        List<Number> totals = SqlFigures.totals(
                jdbc,
                "SELECT count(*) FILTER (WHERE status IN ('PENDING', 'CONFIRMED')),"
                        + " count(*) FILTER (WHERE status = 'COMPLETED'), count(*) FILTER (WHERE status = 'CANCELLED'),"
                        + " count(*) FILTER (WHERE status = 'NO_SHOW')"
                        + " FROM appointments WHERE university_id = ? AND starts_at >= ? AND starts_at < ?",
                SqlRows.parameters(universityId, period.start(), period.end()));
        Figure appointments = Figure.series(
                "appointments",
                "Counselling appointments",
                period,
                OUTCOMES,
                SqlFigures.points(
                        jdbc,
                        "SELECT " + period.bucketOf("starts_at") + ", " + OUTCOME + ", count(*) FROM appointments"
                                + " WHERE university_id = ? AND starts_at >= ? AND starts_at < ? GROUP BY 1, 2",
                        SqlRows.parameters(universityId, period.start(), period.end())),
                totals,
                "Appointments starting in the period, by what became of them (booked: not held yet).");
        List<Figure.Row> counsellors = SqlRows.list(
                jdbc,
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
                    return Figure.Row.ofStudents(row.getString("display_name"), values, students(row, "students"));
                });
        return List.of(
                appointments,
                Figure.table(
                        "counsellors",
                        "Counsellors: sessions, hours booked and ratings",
                        "Counsellor",
                        List.of("Sessions held", "Hours booked", "Cancelled", "No-shows", "Average rating"),
                        counsellors,
                        SqlFigures.totals(
                                jdbc,
                                "SELECT count(*) FILTER (WHERE status = 'COMPLETED'),"
                                        + " COALESCE(round(sum(EXTRACT(EPOCH FROM ends_at - starts_at) / 3600)"
                                        + "   FILTER (WHERE status IN ('COMPLETED', 'CONFIRMED', 'PENDING', 'NO_SHOW'))::numeric, 1), 0),"
                                        + " count(*) FILTER (WHERE status = 'CANCELLED'), count(*) FILTER (WHERE status = 'NO_SHOW'),"
                                        + " (SELECT round(avg(rating)::numeric, 2) FROM appointment_feedback"
                                        + "   WHERE university_id = ? AND created_at >= ? AND created_at < ?)"
                                        + " FROM appointments WHERE university_id = ? AND starts_at >= ? AND starts_at < ?",
                                SqlRows.parameters(
                                        universityId,
                                        period.start(),
                                        period.end(),
                                        universityId,
                                        period.start(),
                                        period.end())),
                        "Approved counsellors' appointments starting in the period; hours booked count every"
                                + " appointment not cancelled (utilisation); ratings given in the period."));
    }

    private static long students(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        return row.getLong(column);
    }
}
