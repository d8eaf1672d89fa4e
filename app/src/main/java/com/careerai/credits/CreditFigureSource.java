package com.careerai.credits;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.web.PageReads;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of credits: granted, spent and refunded per currency (from the ledger). */
@Singleton
class CreditFigureSource implements FigureSource {
    private final PageReads pageReads;

    CreditFigureSource(PageReads pageReads) {
        this.pageReads = pageReads;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<PageRead<?>> reads(long universityId, Period period) {
        return List.of(perCurrency(universityId, period));
    }

    @Override
    public List<Figure> figures(long universityId, Period period) {
        List<Figure.Row> rows = pageReads.read(perCurrency(universityId, period));
        java.util.ArrayList<Number> none = new java.util.ArrayList<>();
        none.add(null);
        none.add(null);
        none.add(null);
        return List.of(Figure.table(
                "credits",
                "Credits granted, spent and refunded",
                "Currency",
                List.of("Granted", "Spent", "Refunded"),
                rows,
                none,
                "Ledger rows of the period: GRANT, DEBIT and REFUND, per currency (silver and gold do not add up)."));
    }

    private static PageRead<List<Figure.Row>> perCurrency(long universityId, Period period) {
        return PageRead.list(
                SqlFigures.key("credits.per-currency", universityId, period),
                // Summed per currency first, from the covering index (V88) alone, then set beside both
                // currencies: a year of a busy university is a few hundred thousand rows.
                "SELECT c.currency, COALESCE(t.granted, 0) AS granted, COALESCE(t.spent, 0) AS spent,"
                        + " COALESCE(t.refunded, 0) AS refunded"
                        + " FROM (VALUES ('SILVER'), ('GOLD')) AS c (currency)"
                        + " LEFT JOIN (SELECT currency,"
                        + "   sum(amount) FILTER (WHERE type = 'GRANT') AS granted,"
                        + "   -sum(amount) FILTER (WHERE type = 'DEBIT') AS spent,"
                        + "   sum(amount) FILTER (WHERE type = 'REFUND') AS refunded"
                        + "   FROM credit_transactions WHERE university_id = ? AND created_at >= ? AND created_at < ?"
                        + "   GROUP BY currency) AS t ON t.currency = c.currency"
                        + " ORDER BY c.currency DESC",
                SqlRows.parameters(universityId, period.start(), period.end()),
                row -> Figure.Row.of(
                        row.getString("currency"),
                        List.of(row.getLong("granted"), row.getLong("spent"), row.getLong("refunded"))));
    }
}
