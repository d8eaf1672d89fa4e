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
        // One pass for the series; the total is its sum (issue 17: a separate count scanned the
        // period's downloads again).
        List<Figure.Point> points = SqlFigures.points(
                jdbc,
                "SELECT " + period.bucketOf("downloaded_at") + ", 'Downloads', count(*) FROM resource_downloads"
                        + " WHERE university_id = ? AND downloaded_at >= ? AND downloaded_at < ? GROUP BY 1",
                SqlRows.parameters(universityId, period.start(), period.end()));
        List<Number> totals = List.of(
                points.stream().mapToLong(point -> point.value().longValue()).sum());
        Figure downloads = Figure.series(
                "resource-downloads",
                "Resource downloads",
                period,
                List.of("Downloads"),
                points,
                totals,
                "Downloads and opened links of the library.");
        List<Figure.Row> top = SqlRows.list(
                jdbc,
                // Downloads per (resource, student) hashed first, so the distinct students are a
                // count of those groups rather than a sort of every download (issue 17).
                "SELECT r.title, sum(d.downloads) AS downloads, count(*) AS students"
                        + " FROM (SELECT resource_id, user_id, count(*) AS downloads FROM resource_downloads"
                        + " WHERE university_id = ? AND downloaded_at >= ? AND downloaded_at < ?"
                        + " GROUP BY resource_id, user_id) AS d"
                        + " JOIN resources r ON r.university_id = ? AND r.id = d.resource_id"
                        + " GROUP BY r.id, r.title ORDER BY sum(d.downloads) DESC, r.title LIMIT 20",
                SqlRows.parameters(universityId, period.start(), period.end(), universityId),
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
