package com.careerai.interests;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of interests: how many students hold each, and how many picked it in the period. */
@Singleton
class InterestFigureSource implements FigureSource {
    private final JdbcOperations jdbc;

    InterestFigureSource(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @Connectable
    public List<Figure> figures(long universityId, Period period) {
        List<Figure.Row> rows = SqlRows.list(
                jdbc,
                "SELECT i.name, count(s.user_id) AS students,"
                        + " count(s.user_id) FILTER (WHERE s.created_at >= ? AND s.created_at < ?) AS picked"
                        + " FROM interests i JOIN student_interests s"
                        + " ON s.university_id = i.university_id AND s.interest_id = i.id"
                        + " WHERE i.university_id = ? AND i.retired_at IS NULL AND s.created_at < ?"
                        + " GROUP BY i.id, i.name ORDER BY count(s.user_id) DESC, i.name LIMIT 20",
                SqlRows.parameters(period.start(), period.end(), universityId, period.end()),
                row -> Figure.Row.ofStudents(
                        row.getString("name"),
                        List.of(row.getLong("students"), row.getLong("picked")),
                        students(row, "students")));
        return List.of(
                Figure.table(
                        "popular-interests",
                        "Popular interests",
                        "Interest",
                        List.of("Students", "Picked in the period"),
                        rows,
                        SqlFigures.totals(
                                jdbc,
                                "SELECT count(DISTINCT user_id), count(*) FILTER (WHERE created_at >= ?)"
                                        + " FROM student_interests WHERE university_id = ? AND created_at < ?",
                                SqlRows.parameters(period.start(), universityId, period.end())),
                        "The 20 interests most students hold at the end of the range; totals: students with any interest, picks in the period."));
    }

    private static long students(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        return row.getLong(column);
    }
}
