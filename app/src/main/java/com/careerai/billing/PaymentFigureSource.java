package com.careerai.billing;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of payments: paid and refunded per day, and amounts per currency. */
@Singleton
class PaymentFigureSource implements FigureSource {
    private final JdbcOperations jdbc;

    PaymentFigureSource(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    @Connectable
    public List<Figure> figures(long universityId, Period period) {
        Figure payments = Figure.series(
                "payments",
                "Payments and refunds",
                period,
                List.of("Payments", "Refunds"),
                SqlFigures.points(
                        jdbc,
                        "SELECT " + period.bucketOf("paid_at") + ", 'Payments', count(*) FROM payments"
                                + " WHERE university_id = ? AND paid_at >= ? AND paid_at < ? GROUP BY 1"
                                + " UNION ALL SELECT " + period.bucketOf("updated_at")
                                + ", 'Refunds', count(*) FROM payments"
                                + " WHERE university_id = ? AND refunded_cents > 0 AND updated_at >= ? AND updated_at < ? GROUP BY 1",
                        SqlRows.parameters(
                                universityId,
                                period.start(),
                                period.end(),
                                universityId,
                                period.start(),
                                period.end())),
                SqlFigures.totals(
                        jdbc,
                        "SELECT count(*) FILTER (WHERE paid_at >= ? AND paid_at < ?),"
                                + " count(*) FILTER (WHERE refunded_cents > 0 AND updated_at >= ? AND updated_at < ?)"
                                + " FROM payments WHERE university_id = ?",
                        SqlRows.parameters(period.start(), period.end(), period.start(), period.end(), universityId)),
                "Payments received in the period (by the day they were paid) and payments refunded (by the day of the refund).");
        List<Figure.Row> byCurrency = SqlRows.list(
                jdbc,
                "SELECT upper(currency) AS currency, count(*) FILTER (WHERE paid_at >= ? AND paid_at < ?) AS paid,"
                        + " round(COALESCE(sum(amount_cents) FILTER (WHERE paid_at >= ? AND paid_at < ?), 0) / 100.0, 2) AS amount,"
                        + " round(COALESCE(sum(refunded_cents) FILTER (WHERE refunded_cents > 0 AND updated_at >= ? AND updated_at < ?), 0)"
                        + "   / 100.0, 2) AS refunded"
                        + " FROM payments WHERE university_id = ? AND (paid_at >= ? OR updated_at >= ?)"
                        + " GROUP BY currency ORDER BY currency",
                SqlRows.parameters(
                        period.start(),
                        period.end(),
                        period.start(),
                        period.end(),
                        period.start(),
                        period.end(),
                        universityId,
                        period.start(),
                        period.start()),
                row -> Figure.Row.of(
                        row.getString("currency"),
                        List.of(row.getLong("paid"), row.getBigDecimal("amount"), row.getBigDecimal("refunded"))));
        java.util.ArrayList<Number> totals = new java.util.ArrayList<>();
        totals.add(payments.totals().get(0));
        totals.add(null);
        totals.add(null);
        return List.of(
                payments,
                Figure.table(
                        "revenue",
                        "Revenue and refunds per currency",
                        "Currency",
                        List.of("Payments", "Amount", "Refunded"),
                        byCurrency.stream()
                                .filter(row -> row.values().get(0).longValue() > 0
                                        || ((java.math.BigDecimal) row.values().get(2)).signum() > 0)
                                .toList(),
                        totals,
                        "Amounts in the currency's major unit; currencies do not add up."));
    }

    private static long students(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        return row.getLong(column);
    }
}
