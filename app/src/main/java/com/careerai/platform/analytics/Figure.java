package com.careerai.platform.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One named figure of staff analytics: a table (a label column and numeric columns) that a chart
 * draws. A {@code series} figure has one row per bucket of the period ({@link Period#bucket()});
 * a {@code table} figure has one row per group (a tool, a counsellor, a currency…).
 *
 * @param name stable, URL-safe ({@code ai-runs-by-tool}): the CSV is {@code <name>.csv}
 * @param kind {@code series} (drawn as lines) or {@code table} (drawn as bars)
 * @param labelHeading the heading of the label column ({@code Day}, {@code Tool})
 * @param columns the headings of the numeric columns
 * @param totals one figure per column for the whole period (a sum, a distinct count or an
 *     average, computed in SQL), compared with the previous period; an element may be null
 * @param note what the figure counts, in one sentence
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Figure(
        String name,
        String title,
        String kind,
        String labelHeading,
        List<String> columns,
        List<Row> rows,
        @ArraySchema(schema = @Schema(type = "number", nullable = true)) List<Number> totals,
        String note) {

    /** Groups of fewer students than this are suppressed wherever figures leave the database. */
    public static final int SMALLEST_GROUP = 5;

    public Figure {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        totals = Collections.unmodifiableList(new ArrayList<>(totals));
    }

    /**
     * One row. {@code students} is how many distinct students stand behind a group's numbers
     * ({@code null} for a bucket of a series or a group that is not about students); a row of
     * 1–4 students is shown with {@code suppressed} set and no values.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Row(
            String label,
            @ArraySchema(schema = @Schema(type = "number", nullable = true)) List<Number> values,
            @Nullable Long students,
            boolean suppressed) {
        public Row {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        public static Row of(String label, List<? extends Number> values) {
            return new Row(label, new ArrayList<>(values), null, false);
        }

        public static Row ofStudents(String label, List<? extends Number> values, long students) {
            return new Row(label, new ArrayList<>(values), students, false);
        }

        /** This row with its values withheld when fewer than {@link #SMALLEST_GROUP} students stand behind it. */
        public Row suppressedIfSmall() {
            if (students == null || students == 0 || students >= SMALLEST_GROUP) {
                return this;
            }
            List<Number> none = new ArrayList<>();
            values.forEach(value -> none.add(null));
            return new Row(label, none, null, true);
        }
    }

    /** A bucket's value in one column of a series, as an aggregate query returns it. */
    public record Point(java.time.LocalDate bucket, String column, Number value) {}

    public static Figure table(
            String name,
            String title,
            String labelHeading,
            List<String> columns,
            List<Row> rows,
            List<Number> totals,
            String note) {
        return new Figure(name, title, "table", labelHeading, columns, rows, totals, note);
    }

    /** A series with a row for every bucket of the period, zero where the query found nothing. */
    public static Figure series(
            String name,
            String title,
            Period period,
            List<String> columns,
            List<Point> points,
            List<Number> totals,
            String note) {
        java.util.Map<java.time.LocalDate, Number[]> byBucket = new java.util.LinkedHashMap<>();
        for (java.time.LocalDate bucket : period.buckets()) {
            Number[] zeros = new Number[columns.size()];
            java.util.Arrays.fill(zeros, 0L);
            byBucket.put(bucket, zeros);
        }
        for (Point point : points) {
            Number[] values = byBucket.get(point.bucket());
            int column = columns.indexOf(point.column());
            if (values != null && column >= 0) {
                values[column] = point.value();
            }
        }
        List<Row> rows = new ArrayList<>();
        byBucket.forEach((bucket, values) -> rows.add(Row.of(bucket.toString(), java.util.Arrays.asList(values))));
        String heading =
                switch (period.bucket()) {
                    case "week" -> "Week from";
                    case "month" -> "Month from";
                    default -> "Day";
                };
        return new Figure(name, title, "series", heading, columns, rows, totals, note);
    }

    /** This figure as it may leave the database: small groups of students suppressed. */
    public Figure withSmallGroupsSuppressed() {
        return new Figure(
                name,
                title,
                kind,
                labelHeading,
                columns,
                rows.stream().map(Row::suppressedIfSmall).toList(),
                totals,
                note);
    }
}
