package com.careerai.resources;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of resources: downloads per day and the most downloaded resources. */
@Singleton
class ResourceFigureSource implements FigureSource {
    private final JdbcOperations jdbc;

    ResourceFigureSource(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Figure> figures(long universityId, Period period) {
        List<Number> totals = SqlFigures.totals(
                jdbc,
                "SELECT count(*) FROM resource_downloads WHERE university_id = ? AND downloaded_at >= ? AND downloaded_at < ?",
                SqlRows.parameters(universityId, period.start(), period.end()));
        Figure downloads = Figure.series(
                "resource-downloads",
                "Resource downloads",
                period,
                List.of("Downloads"),
                SqlFigures.points(
                        jdbc,
                        "SELECT " + period.bucketOf("downloaded_at") + ", 'Downloads', count(*) FROM resource_downloads"
                                + " WHERE university_id = ? AND downloaded_at >= ? AND downloaded_at < ? GROUP BY 1",
                        SqlRows.parameters(universityId, period.start(), period.end())),
                totals,
                "Downloads and opened links of the library.");
        List<Figure.Row> top = SqlRows.list(
                jdbc,
                "SELECT r.title, count(*) AS downloads, count(DISTINCT d.user_id) AS students"
                        + " FROM resource_downloads d JOIN resources r ON r.university_id = d.university_id AND r.id = d.resource_id"
                        + " WHERE d.university_id = ? AND d.downloaded_at >= ? AND d.downloaded_at < ?"
                        + " GROUP BY r.id, r.title ORDER BY count(*) DESC, r.title LIMIT 20",
                SqlRows.parameters(universityId, period.start(), period.end()),
                row -> Figure.Row.ofStudents(
                        row.getString("title"), List.of(row.getLong("downloads")), students(row, "students")));
        return List.of(
                downloads,
                Figure.table(
                        "top-resources",
                        "Most downloaded resources",
                        "Resource",
                        List.of("Downloads"),
                        top,
                        totals,
                        "The 20 resources downloaded most in the period."));
    }

    private static long students(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        return row.getLong(column);
    }
}
