package com.careerai.platform.data;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hand-written SQL in one line each: bind the parameters, run the statement, map the rows. Runs on
 * the caller's connection (its transaction, or its {@code @Connectable} scope), so a store stays a
 * list of statements instead of a list of JDBC loops:
 *
 * <pre>{@code
 * List<Payment> history(long universityId, long userId) {
 *     return SqlRows.list(jdbc, "SELECT … FROM payments WHERE university_id = ? AND user_id = ?",
 *             SqlRows.parameters(universityId, userId), PaymentStore::payment);
 * }
 * }</pre>
 */
public final class SqlRows {

    /**
     * {@code " LIMIT n"} or {@code " LIMIT n OFFSET m"} with the numbers written into the statement, not
     * bound: with {@code LIMIT ? OFFSET ?} PostgreSQL never settles on a generic plan for a prepared
     * statement (its estimate for an unknown limit is a tenth of the rows, so the custom plan always looks
     * cheaper) and plans the statement anew on every execution; the home's recent runs spent 0.3 ms
     * planning for a 0.08 ms index read (ADR 0050). A page's size is one of a few constants, so the
     * statement texts stay few.
     */
    public static String limit(int limit, long offset) {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit " + limit + ", offset " + offset);
        }
        return offset == 0 ? " LIMIT " + limit : " LIMIT " + limit + " OFFSET " + offset;
    }

    /**
     * {@code "(SELECT ?::bigint[])::bigint[]"}: a bound {@code bigint[]} for {@code column = ANY(…)} that
     * PostgreSQL plans without looking into. Bound plainly ({@code = ANY(?)}), the planner counts each
     * execution's elements and prices the generic plan at its guess of ten, so for the one to three ids a
     * page passes a custom plan always looks cheaper and the statement is planned anew on every execution
     * (the home's recommended resources: 0.33 ms planning for 0.11 ms of execution). Behind a one-row
     * subquery (an InitPlan, evaluated once per execution) the custom plans see no more than the generic
     * one, so PostgreSQL keeps the generic plan from the sixth execution on; the index scan is the same
     * (ADR 0071).
     */
    public static final String BIGINT_ARRAY = "(SELECT ?::bigint[])::bigint[]";

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Maps the current row of a result set (never advances it). */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private SqlRows() {}

    /** Every row, mapped, in the order the statement returns them. */
    public static <T> List<T> list(JdbcOperations jdbc, String sql, Binder binder, RowMapper<T> mapper) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            List<T> mapped = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    mapped.add(mapper.map(rows));
                }
            }
            return mapped;
        });
    }

    /** The first row, mapped, or empty when there is none (for lookups by a unique key). */
    public static <T> Optional<T> optional(JdbcOperations jdbc, String sql, Binder binder, RowMapper<T> mapper) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
            }
        });
    }

    /**
     * The one row a statement always returns (an aggregate such as {@code count(*)}), mapped.
     *
     * @throws IllegalStateException when the statement returned no row
     */
    public static <T> T single(JdbcOperations jdbc, String sql, Binder binder, RowMapper<T> mapper) {
        return optional(jdbc, sql, binder, mapper).orElseThrow(() -> new IllegalStateException("no row from: " + sql));
    }

    /** Runs an INSERT, UPDATE or DELETE without RETURNING; the number of rows it changed. */
    public static int update(JdbcOperations jdbc, String sql, Binder binder) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            return statement.executeUpdate();
        });
    }

    /**
     * Binds {@code values} to the parameters in order with {@link PreparedStatement#setObject}
     * ({@code null} included); use a {@link Binder} lambda for arrays or explicit SQL types.
     */
    public static Binder parameters(Object... values) {
        Object[] copy = values.clone();
        return statement -> {
            for (int i = 0; i < copy.length; i++) {
                statement.setObject(i + 1, copy[i]);
            }
        };
    }

    /** A NOT NULL timestamp column as an instant. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    /** A nullable timestamp column as an instant, or null. */
    @io.micronaut.core.annotation.Nullable
    public static Instant instantOrNull(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A nullable bigint column, or null (not {@code 0} as {@link ResultSet#getLong} answers). */
    @io.micronaut.core.annotation.Nullable
    public static Long longOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** A nullable integer column, or null (not {@code 0} as {@link ResultSet#getInt} answers). */
    @io.micronaut.core.annotation.Nullable
    public static Integer intOrNull(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
