package com.careerai.resources;

import com.careerai.platform.analytics.Cover;
import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.web.PageReads;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of resources: downloads per day and the most downloaded resources. */
@Singleton
class ResourceFigureSource implements FigureSource {
    private final PageReads pageReads;

    ResourceFigureSource(PageReads pageReads) {
        this.pageReads = pageReads;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<PageRead<?>> reads(long universityId, Period period) {
        return List.of(perBucket(universityId, period), top(universityId, period));
    }

    @Override
    public List<Figure> figures(long universityId, Period period) {
        List<Figure.Point> points = pageReads.read(perBucket(universityId, period));
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
        return List.of(
                downloads,
                Figure.table(
                        "top-resources",
                        "Most downloaded resources",
                        "Resource",
                        List.of("Downloads"),
                        pageReads.read(top(universityId, period)),
                        totals,
                        "The 20 resources downloaded most in the period."));
    }

    /**
     * Downloads per bucket summed from the per-day counters the trigger on resource_downloads keeps (V92);
     * the total is the sum of the series (issue 17: a year of downloads was read twice per request).
     */
    private static PageRead<List<Figure.Point>> perBucket(long universityId, Period period) {
        return SqlFigures.points(
                SqlFigures.key("resources.per-bucket", universityId, period),
                "SELECT " + period.bucketOfDay("day")
                        + ", 'Downloads', sum(downloads)::bigint FROM resource_download_days"
                        + " WHERE university_id = ? AND day BETWEEN ? AND ? GROUP BY 1 HAVING sum(downloads) > 0",
                SqlRows.parameters(universityId, period.from(), period.to()));
    }

    /**
     * Downloads per resource from the same counters; distinct students per resource from the (week or
     * month, resource, student) rows of the whole weeks and months inside the period (V92) and the
     * downloads of the few days left over.
     */
    private static PageRead<List<Figure.Row>> top(long universityId, Period period) {
        Cover cover = period.cover();
        Cover.Condition periods = cover.periods("unit", "starts_on");
        Cover.Condition days = cover.instants("downloaded_at");
        return PageRead.list(
                SqlFigures.key("resources.top", universityId, period),
                "SELECT r.title, d.downloads, COALESCE(s.students, 0) AS students"
                        + " FROM (SELECT resource_id, sum(downloads)::bigint AS downloads FROM resource_download_days"
                        + " WHERE university_id = ? AND day BETWEEN ? AND ? GROUP BY resource_id"
                        + " HAVING sum(downloads) > 0) AS d"
                        + " JOIN resources r ON r.university_id = ? AND r.id = d.resource_id"
                        + " LEFT JOIN (SELECT resource_id, count(*) AS students FROM"
                        + " (SELECT resource_id, user_id FROM resource_download_students WHERE university_id = ? AND "
                        + periods.sql()
                        + " UNION SELECT resource_id, user_id FROM resource_downloads WHERE university_id = ? AND "
                        + days.sql() + ") AS pairs GROUP BY resource_id) AS s ON s.resource_id = d.resource_id"
                        + " ORDER BY d.downloads DESC, r.title LIMIT 20",
                SqlFigures.parameters(
                        universityId,
                        period.from(),
                        period.to(),
                        universityId,
                        universityId,
                        periods,
                        universityId,
                        days),
                row -> Figure.Row.ofStudents(
                        row.getString("title"), List.of(row.getLong("downloads")), row.getLong("students")));
    }
}
