package com.careerai.platform.analytics;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for {@link FigureSource}s building their aggregate reads as {@link PageRead}s, which the
 * analytics page sends together in one round trip (ADR 0076).
 */
public final class SqlFigures {
    private SqlFigures() {}

    /**
     * The key of a source's read of one university's period: {@code what} names the read (its source and
     * its figure), so two periods, two universities or two reads never share a key.
     */
    public static String key(String what, long universityId, Period period) {
        return "analytics." + what + ":" + universityId + ":" + period.from() + ":" + period.to();
    }

    /** Points of a series from a query returning (bucket date, column text, value) rows. */
    public static PageRead<List<Figure.Point>> points(String key, String sql, SqlRows.Binder binder) {
        return PageRead.list(
                key,
                sql,
                binder,
                row -> new Figure.Point(row.getDate(1).toLocalDate(), row.getString(2), row.getLong(3)));
    }

    /** Counts by name from a query returning (name text, count) rows, one row a name. */
    public static PageRead<Map<String, Long>> counts(String key, String sql, SqlRows.Binder binder) {
        return new PageRead<>(key, sql, binder, rows -> {
            Map<String, Long> counts = new HashMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return Map.copyOf(counts);
        });
    }

    /** The numbers of a one-row aggregate query, in column order (SQL NULL stays null). */
    public static PageRead<List<Number>> totals(String key, String sql, SqlRows.Binder binder) {
        return PageRead.single(key, sql, binder, row -> {
            int count = row.getMetaData().getColumnCount();
            List<Number> values = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                Object value = row.getObject(i);
                values.add(
                        value == null
                                ? null
                                : value instanceof BigDecimal decimal
                                        ? decimal.setScale(
                                                Math.min(2, Math.max(decimal.scale(), 0)), RoundingMode.HALF_UP)
                                        : (Number) value);
            }
            return Collections.unmodifiableList(values);
        });
    }

    /**
     * Statement parameters in order, where a {@link Cover.Condition} stands for its own parameters
     * (so a query reads as its SQL: {@code parameters(universityId, periods, universityId, days)}).
     */
    public static SqlRows.Binder parameters(Object... values) {
        List<Object> flat = new ArrayList<>();
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
