package com.careerai.platform.data;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One read a page makes: its statement, how its parameters are bound, how its rows become a value, and
 * a key naming what it reads ({@code "credits.balances:7:42"}), so that one request reads it once. A
 * module's store builds it, its service reads it through {@code PageReads}, and a page that knows what
 * its parts will ask for sends those reads to PostgreSQL in one round trip before they ask (ADR 0076).
 *
 * @param key what the read reads, for whom: equal keys mean the same rows in one request
 * @param sql one statement (no trailing semicolon), parameters written {@code ?}
 * @param binder binds the parameters from index 1, as for the statement alone
 * @param result makes the value of the statement's whole result set
 * @param also values the read's value gives besides itself, each under a key of its own (the unread count
 *     a list of unread notifications comes with): a page sending this read sends none under those keys
 */
public record PageRead<T>(String key, String sql, SqlRows.Binder binder, Result<T> result, List<Also<T>> also) {

    /** A read that gives its own value only. */
    public PageRead(String key, String sql, SqlRows.Binder binder, Result<T> result) {
        this(key, sql, binder, result, List.of());
    }

    /** A value a read's value gives, under {@code key} (what another read under that key would read). */
    public record Also<T>(String key, Function<? super T, ?> value) {}

    /** This read, which also gives {@code value} of its value under {@code key}. */
    public PageRead<T> alsoKeeps(String key, Function<? super T, ?> value) {
        List<Also<T>> more = new ArrayList<>(also);
        more.add(new Also<>(key, value));
        return new PageRead<>(this.key, sql, binder, result, List.copyOf(more));
    }

    /** The value of a statement's result set (it may advance the rows; it must not close them). */
    @FunctionalInterface
    public interface Result<T> {
        T of(ResultSet rows) throws SQLException;
    }

    /** Every row, mapped, in the statement's order. */
    public static <T> PageRead<List<T>> list(
            String key, String sql, SqlRows.Binder binder, SqlRows.RowMapper<T> mapper) {
        return new PageRead<>(key, sql, binder, rows -> {
            List<T> mapped = new ArrayList<>();
            while (rows.next()) {
                mapped.add(mapper.map(rows));
            }
            return List.copyOf(mapped);
        });
    }

    /** The first row, mapped, or empty when there is none. */
    public static <T> PageRead<Optional<T>> optional(
            String key, String sql, SqlRows.Binder binder, SqlRows.RowMapper<T> mapper) {
        return new PageRead<>(key, sql, binder, rows -> rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty());
    }

    /** The value of the one row a statement always answers (a count). */
    public static <T> PageRead<T> single(String key, String sql, SqlRows.Binder binder, SqlRows.RowMapper<T> mapper) {
        return new PageRead<>(key, sql, binder, rows -> {
            if (!rows.next()) {
                throw new SQLException("no row from the page read " + key);
            }
            return mapper.map(rows);
        });
    }

    /** The same read whose value is {@code then} of this one's (and nothing else under other keys). */
    public <U> PageRead<U> map(Function<? super T, ? extends U> then) {
        Result<T> first = result;
        return new PageRead<>(key, sql, binder, rows -> then.apply(first.of(rows)));
    }

    /** Runs the statement alone on the caller's connection (its transaction or {@code @Connectable} scope). */
    public T runOn(JdbcOperations jdbc) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return result.of(rows);
            }
        });
    }
}
