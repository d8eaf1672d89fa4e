package com.careerai.support;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of support: tickets opened and resolved, and response times per category. */
@Singleton
class TicketFigureSource implements FigureSource {
    private final JdbcOperations jdbc;

    TicketFigureSource(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    @Connectable
    public List<Figure> figures(long universityId, Period period) {
        Figure tickets = Figure.series(
                "tickets",
                "Support tickets",
                period,
                List.of("Opened", "Resolved"),
                SqlFigures.points(
                        jdbc,
                        "SELECT " + period.bucketOf("created_at") + ", 'Opened', count(*) FROM tickets"
                                + " WHERE university_id = ? AND created_at >= ? AND created_at < ? GROUP BY 1"
                                + " UNION ALL SELECT " + period.bucketOf("resolved_at")
                                + ", 'Resolved', count(*) FROM tickets"
                                + " WHERE university_id = ? AND resolved_at >= ? AND resolved_at < ? GROUP BY 1",
                        SqlRows.parameters(
                                universityId,
                                period.start(),
                                period.end(),
                                universityId,
                                period.start(),
                                period.end())),
                SqlFigures.totals(
                        jdbc,
                        "SELECT count(*) FILTER (WHERE created_at >= ? AND created_at < ?),"
                                + " count(*) FILTER (WHERE resolved_at >= ? AND resolved_at < ?) FROM tickets WHERE university_id = ?",
                        SqlRows.parameters(period.start(), period.end(), period.start(), period.end(), universityId)),
                "Tickets opened in the period and tickets resolved in it.");
        String perCategory = " count(*) AS tickets,"
                + " round((percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM first_response_at - created_at) / 60)"
                + "   FILTER (WHERE first_response_at IS NOT NULL))::numeric) AS first_response,"
                + " round((percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM resolved_at - created_at) / 3600)"
                + "   FILTER (WHERE resolved_at IS NOT NULL))::numeric, 1) AS resolution"
                + " FROM tickets WHERE university_id = ? AND created_at >= ? AND created_at < ?";
        List<Figure.Row> rows = SqlRows.list(
                jdbc,
                "SELECT category," + perCategory + " GROUP BY category ORDER BY count(*) DESC, category",
                SqlRows.parameters(universityId, period.start(), period.end()),
                row -> {
                    java.util.ArrayList<Number> values = new java.util.ArrayList<>();
                    values.add(row.getLong("tickets"));
                    values.add(row.getBigDecimal("first_response"));
                    values.add(row.getBigDecimal("resolution"));
                    return Figure.Row.of(row.getString("category"), values);
                });
        return List.of(
                tickets,
                Figure.table(
                        "ticket-response-times",
                        "Tickets and response times per category",
                        "Category",
                        List.of("Tickets", "Median first response (minutes)", "Median resolution (hours)"),
                        rows,
                        SqlFigures.totals(
                                jdbc,
                                "SELECT" + perCategory,
                                SqlRows.parameters(universityId, period.start(), period.end())),
                        "Tickets opened in the period; medians over those answered or resolved."));
    }

    private static long students(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        return row.getLong(column);
    }
}
