package com.careerai.billing;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.web.PageReads;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of payments: paid and refunded per day, and amounts per currency. */
@Singleton
class PaymentFigureSource implements FigureSource {
    private final PageReads pageReads;

    PaymentFigureSource(PageReads pageReads) {
        this.pageReads = pageReads;
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public List<PageRead<?>> reads(long universityId, Period period) {
        return List.of(perBucket(universityId, period), totals(universityId, period), byCurrency(universityId, period));
    }

    @Override
    public List<Figure> figures(long universityId, Period period) {
        Figure payments = Figure.series(
                "payments",
                "Payments and refunds",
                period,
                List.of("Payments", "Refunds"),
                pageReads.read(perBucket(universityId, period)),
                pageReads.read(totals(universityId, period)),
                "Payments received in the period (by the day they were paid) and payments refunded (by the day of the refund).");
        List<Figure.Row> byCurrency = pageReads.read(byCurrency(universityId, period));
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

    private static PageRead<List<Figure.Point>> perBucket(long universityId, Period period) {
        return SqlFigures.points(
                SqlFigures.key("payments.per-bucket", universityId, period),
                "SELECT " + period.bucketOf("paid_at") + ", 'Payments', count(*) FROM payments"
                        + " WHERE university_id = ? AND paid_at >= ? AND paid_at < ? GROUP BY 1"
                        + " UNION ALL SELECT " + period.bucketOf("updated_at")
                        + ", 'Refunds', count(*) FROM payments"
                        + " WHERE university_id = ? AND refunded_cents > 0 AND updated_at >= ? AND updated_at < ? GROUP BY 1",
                SqlRows.parameters(
                        universityId, period.start(), period.end(), universityId, period.start(), period.end()));
    }

    private static PageRead<List<Number>> totals(long universityId, Period period) {
        return SqlFigures.totals(
                SqlFigures.key("payments.totals", universityId, period),
                "SELECT count(*) FILTER (WHERE paid_at >= ? AND paid_at < ?),"
                        + " count(*) FILTER (WHERE refunded_cents > 0 AND updated_at >= ? AND updated_at < ?)"
                        + " FROM payments WHERE university_id = ?",
                SqlRows.parameters(period.start(), period.end(), period.start(), period.end(), universityId));
    }

    private static PageRead<List<Figure.Row>> byCurrency(long universityId, Period period) {
        return PageRead.list(
                SqlFigures.key("payments.by-currency", universityId, period),
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
    }
}
