package com.careerai.counselling;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The counselling stores' parameter and column conventions (Instants as UTC timestamps, string
 * lists as text[]) on top of {@link SqlRows}, the one "SQL → mapped rows" helper. Callers run inside a transaction or a
 * {@code @Connectable} method, and every statement names {@code university_id}.
 */
final class Sql {
    private Sql() {}

    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    static <T> List<T> list(JdbcOperations jdbc, String sql, RowMapper<T> mapper, Object... parameters) {
        return SqlRows.list(jdbc, sql, statement -> bind(statement, parameters), mapper::map);
    }

    /** {@link #list} as a page's read (ADR 0076), under {@code key}. */
    static <T> PageRead<List<T>> listRead(String key, String sql, RowMapper<T> mapper, Object... parameters) {
        return PageRead.list(key, sql, statement -> bind(statement, parameters), mapper::map);
    }

    /** {@link #one} as a page's read (ADR 0076), under {@code key}. */
    static <T> PageRead<Optional<T>> oneRead(String key, String sql, RowMapper<T> mapper, Object... parameters) {
        return PageRead.optional(key, sql, statement -> bind(statement, parameters), mapper::map);
    }

    static <T> Optional<T> one(JdbcOperations jdbc, String sql, RowMapper<T> mapper, Object... parameters) {
        return SqlRows.optional(jdbc, sql, statement -> bind(statement, parameters), mapper::map);
    }

    static int update(JdbcOperations jdbc, String sql, Object... parameters) {
        return SqlRows.update(jdbc, sql, statement -> bind(statement, parameters));
    }

    static long count(JdbcOperations jdbc, String sql, Object... parameters) {
        return one(jdbc, sql, row -> row.getLong(1), parameters).orElse(0L);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    static List<String> strings(ResultSet row, String column) throws SQLException {
        java.sql.Array array = row.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else if (value instanceof Collection<?> strings) {
                statement.setArray(
                        i + 1, statement.getConnection().createArrayOf("text", strings.toArray(new Object[0])));
            } else if (value instanceof Enum<?> constant) {
                statement.setString(i + 1, constant.name());
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    /** Whether {@code failure} (or a cause) is PostgreSQL refusing a row by an exclusion constraint. */
    static boolean isExclusionViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23P01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
