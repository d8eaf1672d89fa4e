package com.careerai.interests;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.web.PageReads;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of interests: how many students hold each, and how many picked it in the period. */
@Singleton
class InterestFigureSource implements FigureSource {
    private final PageReads pageReads;

    InterestFigureSource(PageReads pageReads) {
        this.pageReads = pageReads;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<PageRead<?>> reads(long universityId, Period period) {
        return List.of(popular(universityId, period), totals(universityId, period));
    }

    @Override
    public List<Figure> figures(long universityId, Period period) {
        return List.of(
                Figure.table(
                        "popular-interests",
                        "Popular interests",
                        "Interest",
                        List.of("Students", "Picked in the period"),
                        pageReads.read(popular(universityId, period)),
                        pageReads.read(totals(universityId, period)),
                        "The 20 interests most students hold at the end of the range; totals: students with any interest, picks in the period."));
    }

    private static PageRead<List<Figure.Row>> popular(long universityId, Period period) {
        return PageRead.list(
                SqlFigures.key("interests.popular", universityId, period),
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
                        row.getLong("students")));
    }

    private static PageRead<List<Number>> totals(long universityId, Period period) {
        return SqlFigures.totals(
                SqlFigures.key("interests.totals", universityId, period),
                "SELECT count(DISTINCT user_id), count(*) FILTER (WHERE created_at >= ?)"
                        + " FROM student_interests WHERE university_id = ? AND created_at < ?",
                SqlRows.parameters(period.start(), universityId, period.end()));
    }
}
