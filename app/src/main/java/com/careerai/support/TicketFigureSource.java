package com.careerai.support;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.web.PageReads;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of support: tickets opened and resolved, and response times per category. */
@Singleton
class TicketFigureSource implements FigureSource {
    private final PageReads pageReads;

    TicketFigureSource(PageReads pageReads) {
        this.pageReads = pageReads;
    }

    @Override
    public int order() {
        return 100;
    }

    /** Tickets opened in the period, with the medians of their first response and resolution. */
    private static final String PER_CATEGORY = " count(*) AS tickets,"
            + " round((percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM first_response_at - created_at) / 60)"
            + "   FILTER (WHERE first_response_at IS NOT NULL))::numeric) AS first_response,"
            + " round((percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM resolved_at - created_at) / 3600)"
            + "   FILTER (WHERE resolved_at IS NOT NULL))::numeric, 1) AS resolution"
            + " FROM tickets WHERE university_id = ? AND created_at >= ? AND created_at < ?";

    @Override
    public List<PageRead<?>> reads(long universityId, Period period) {
        return List.of(
                perBucket(universityId, period),
                totals(universityId, period),
                perCategory(universityId, period),
                categoryTotals(universityId, period));
    }

    @Override
    public List<Figure> figures(long universityId, Period period) {
        Figure tickets = Figure.series(
                "tickets",
                "Support tickets",
                period,
                List.of("Opened", "Resolved"),
                pageReads.read(perBucket(universityId, period)),
                pageReads.read(totals(universityId, period)),
                "Tickets opened in the period and tickets resolved in it.");
        return List.of(
                tickets,
                Figure.table(
                        "ticket-response-times",
                        "Tickets and response times per category",
                        "Category",
                        List.of("Tickets", "Median first response (minutes)", "Median resolution (hours)"),
                        pageReads.read(perCategory(universityId, period)),
                        pageReads.read(categoryTotals(universityId, period)),
                        "Tickets opened in the period; medians over those answered or resolved."));
    }

    private static PageRead<List<Figure.Point>> perBucket(long universityId, Period period) {
        return SqlFigures.points(
                SqlFigures.key("tickets.per-bucket", universityId, period),
                "SELECT " + period.bucketOf("created_at") + ", 'Opened', count(*) FROM tickets"
                        + " WHERE university_id = ? AND created_at >= ? AND created_at < ? GROUP BY 1"
                        + " UNION ALL SELECT " + period.bucketOf("resolved_at")
                        + ", 'Resolved', count(*) FROM tickets"
                        + " WHERE university_id = ? AND resolved_at >= ? AND resolved_at < ? GROUP BY 1",
                SqlRows.parameters(
                        universityId, period.start(), period.end(), universityId, period.start(), period.end()));
    }

    private static PageRead<List<Number>> totals(long universityId, Period period) {
        return SqlFigures.totals(
                SqlFigures.key("tickets.totals", universityId, period),
                "SELECT count(*) FILTER (WHERE created_at >= ? AND created_at < ?),"
                        + " count(*) FILTER (WHERE resolved_at >= ? AND resolved_at < ?) FROM tickets WHERE university_id = ?",
                SqlRows.parameters(period.start(), period.end(), period.start(), period.end(), universityId));
    }

    private static PageRead<List<Figure.Row>> perCategory(long universityId, Period period) {
        return PageRead.list(
                SqlFigures.key("tickets.per-category", universityId, period),
                "SELECT category," + PER_CATEGORY + " GROUP BY category ORDER BY count(*) DESC, category",
                SqlRows.parameters(universityId, period.start(), period.end()),
                row -> {
                    java.util.ArrayList<Number> values = new java.util.ArrayList<>();
                    values.add(row.getLong("tickets"));
                    values.add(row.getBigDecimal("first_response"));
                    values.add(row.getBigDecimal("resolution"));
                    return Figure.Row.of(row.getString("category"), values);
                });
    }

    private static PageRead<List<Number>> categoryTotals(long universityId, Period period) {
        return SqlFigures.totals(
                SqlFigures.key("tickets.category-totals", universityId, period),
                "SELECT" + PER_CATEGORY,
                SqlRows.parameters(universityId, period.start(), period.end()));
    }
}
