package com.careerai.platform.analytics;

import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.util.List;

/** Helpers for {@link FigureSource}s reading aggregates with {@link SqlRows}. */
public final class SqlFigures {
    private SqlFigures() {}

    /** Points of a series from a query returning (bucket date, column text, value) rows. */
    public static List<Figure.Point> points(JdbcOperations jdbc, String sql, SqlRows.Binder binder) {
        return SqlRows.list(
                jdbc,
                sql,
                binder,
                row -> new Figure.Point(row.getDate(1).toLocalDate(), row.getString(2), row.getLong(3)));
    }

    /** The numbers of a one-row aggregate query, in column order (SQL NULL stays null). */
    public static List<Number> totals(JdbcOperations jdbc, String sql, SqlRows.Binder binder) {
        return SqlRows.single(jdbc, sql, binder, row -> {
            int count = row.getMetaData().getColumnCount();
            java.util.ArrayList<Number> values = new java.util.ArrayList<>();
            for (int i = 1; i <= count; i++) {
                Object value = row.getObject(i);
                values.add(
                        value == null
                                ? null
                                : value instanceof java.math.BigDecimal decimal
                                        ? decimal.setScale(
                                                Math.min(2, Math.max(decimal.scale(), 0)),
                                                java.math.RoundingMode.HALF_UP)
                                        : (Number) value);
            }
            return values;
        });
    }

    /**
     * Statement parameters in order, where a {@link Cover.Condition} stands for its own parameters
     * (so a query reads as its SQL: {@code parameters(universityId, periods, universityId, days)}).
     */
    public static SqlRows.Binder parameters(Object... values) {
        List<Object> flat = new java.util.ArrayList<>();
        for (Object value : values) {
            if (value instanceof Cover.Condition condition) {
                flat.addAll(condition.parameters());
            } else {
                flat.add(value);
            }
        }
        return SqlRows.parameters(flat.toArray());
    }
}
