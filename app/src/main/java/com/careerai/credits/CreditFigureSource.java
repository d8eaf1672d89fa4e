package com.careerai.credits;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of credits: granted, spent and refunded per currency (from the ledger). */
@Singleton
class CreditFigureSource implements FigureSource {
    private final JdbcOperations jdbc;

    CreditFigureSource(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    @Connectable
    public List<Figure> figures(long universityId, Period period) {
        List<Figure.Row> rows = SqlRows.list(
                jdbc,
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

    private static long students(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        return row.getLong(column);
    }
}
