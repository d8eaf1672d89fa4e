package com.careerai.platform.privacy;

import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.util.List;

/**
 * Helpers for {@link PersonalData} contributors: rows as JSON straight from PostgreSQL, and the
 * scrub that replaces a person's identifiers inside free text and JSON columns.
 */
public final class PersonalRows {
    /** What an identifier is replaced with inside texts that stay. */
    public static final String ERASED = "[erased]";

    private PersonalRows() {}

    /**
     * The rows of a {@code SELECT to_jsonb(t) FROM <table> t WHERE …} statement (first column).
     */
    public static PersonalData.JsonRows json(JdbcOperations jdbc, String sql, SqlRows.Binder binder) {
        List<String> rows = SqlRows.list(jdbc, sql, binder, row -> row.getString(1));
        return new PersonalData.JsonRows(rows);
    }

    /**
     * The SQL expression that rewrites {@code column} (text) with every identifier bound as a
     * {@code text[]} parameter replaced by {@link #ERASED}, case-insensitively.
     */
    public static String scrubText(String column) {
        return "privacy_scrub(" + column + ", ?::text[])";
    }

    /** As {@link #scrubText(String)} for a {@code jsonb} column (strings inside it are rewritten). */
    public static String scrubJson(String column) {
        return "privacy_scrub_jsonb(" + column + ", ?::text[])";
    }

    /**
     * Binds {@code values} in order like {@link SqlRows#parameters}, a {@code List} as a
     * {@code text[]} (the identifiers of {@link #scrubText}, {@link #scrubJson}, {@link #mentions}).
     */
    public static SqlRows.Binder bind(Object... values) {
        Object[] copy = values.clone();
        return statement -> {
            for (int i = 0; i < copy.length; i++) {
                if (copy[i] instanceof List<?> list) {
                    statement.setArray(i + 1, statement.getConnection().createArrayOf("text", list.toArray()));
                } else {
                    statement.setObject(i + 1, copy[i]);
                }
            }
        };
    }

    /** The SQL condition "{@code column} (text or jsonb) mentions any of the identifiers". */
    public static String mentions(String column) {
        return "privacy_mentions(" + column + "::text, ?::text[])";
    }
}
