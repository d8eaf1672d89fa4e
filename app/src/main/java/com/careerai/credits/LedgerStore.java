package com.careerai.credits;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of wallets and the ledger. Every statement is scoped by {@code university_id}; ledger
 * rows are only ever inserted (no UPDATE or DELETE of credit_transactions exists, and a trigger
 * refuses them). Joins the caller's transaction.
 */
@Singleton
class LedgerStore {
    private static final String ENTRY_COLUMNS = "university_id, id, user_id, feature, currency, amount, type, run_id,"
            + " status, metadata::text AS metadata, idempotency_key, created_at";

    /**
     * A ledger row unless its key exists or the user has no wallet (parameters: {@link #bindEntry}),
     * up to its {@code RETURNING}: the columns wanted follow.
     */
    private static final String INSERT_ENTRY_UNLESS_KEPT = "INSERT INTO credit_transactions (university_id, user_id,"
            + " feature, currency, amount, type, run_id, status, metadata, idempotency_key)"
            + " SELECT university_id, user_id, ?, ?, ?, ?, ?, ?, ?::jsonb, ? FROM credit_wallets"
            + " WHERE university_id = ? AND user_id = ?"
            + " ON CONFLICT (university_id, idempotency_key) DO NOTHING RETURNING ";

    /** {@link #INSERT_ENTRY_UNLESS_KEPT} returning the whole row. */
    private static final String INSERT_ENTRY = INSERT_ENTRY_UNLESS_KEPT + ENTRY_COLUMNS;

    private final JdbcOperations jdbc;
    private final ObjectMapper json;

    LedgerStore(JdbcOperations jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A ledger row to insert. */
    record NewEntry(
            long universityId,
            long userId,
            @Nullable String feature,
            Currency currency,
            int amount,
            TransactionType type,
            @Nullable UUID runId,
            String status,
            Map<String, ?> metadata,
            String idempotencyKey) {}

    /** The user's balances; zero when the user has no wallet yet. One indexed read. */
    static PageRead<Balances> balances(long universityId, long userId) {
        return PageRead.optional(
                        "credits.balances:" + universityId + ":" + userId,
                        "SELECT silver_credits, gold_credits FROM credit_wallets WHERE university_id = ? AND user_id = ?",
                        SqlRows.parameters(universityId, userId),
                        rows -> new Balances(rows.getLong(1), rows.getLong(2)))
                .map(found -> found.orElse(Balances.EMPTY));
    }

    static PageRead<Balances> spentSinceRead(long universityId, java.time.Instant since) {
        return PageRead.single(
                "credits.spent-since:" + universityId + ":" + since,
                "SELECT coalesce(-sum(amount) FILTER (WHERE currency = 'SILVER'), 0),"
                        + " coalesce(-sum(amount) FILTER (WHERE currency = 'GOLD'), 0)"
                        + " FROM credit_transactions WHERE university_id = ? AND created_at >= ?"
                        + " AND type IN ('DEBIT', 'REFUND')",
                SqlRows.parameters(universityId, java.sql.Timestamp.from(since)),
                rows -> new Balances(rows.getLong(1), rows.getLong(2)));
    }

    /** Creates an empty wallet unless one exists; true when created. */
    boolean openWallet(long universityId, long userId) {
        return SqlRows.update(
                        jdbc,
                        "INSERT INTO credit_wallets (university_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        SqlRows.parameters(universityId, userId))
                == 1;
    }

    /** Creates empty wallets for those of {@code userIds} without one. */
    void openWallets(long universityId, List<Long> userIds) {
        SqlRows.update(
                jdbc,
                "INSERT INTO credit_wallets (university_id, user_id) SELECT ?, unnest(?::bigint[])"
                        + " ON CONFLICT DO NOTHING",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setArray(2, bigints(statement, userIds));
                });
    }

    /**
     * Inserts the row unless its idempotency key exists or the user has no wallet; returns the
     * inserted row. A concurrent insert of the same key waits for the first to commit or roll back.
     */
    Optional<LedgerEntry> insertIfAbsent(NewEntry entry) {
        return SqlRows.optional(jdbc, INSERT_ENTRY, statement -> bindEntry(statement, entry), this::entry);
    }

    /** A debit's ledger row, and whether the wallet covered it. */
    record Withdrawal(LedgerEntry entry, boolean covered) {}

    /**
     * {@link #insertIfAbsent} of a debit and {@link #withdraw} of its amount in one statement (one
     * round trip): the wallet is changed only when the row was inserted (a replay of the key changes
     * nothing) and only when its balance covers the amount, checked on the wallet row's newest
     * version after any concurrent change, as {@code withdraw} does. Empty as {@code insertIfAbsent};
     * not covered: the row was inserted and the wallet left as it was, so the caller must roll back.
     */
    Optional<Withdrawal> insertAndWithdraw(NewEntry entry) {
        return SqlRows.optional(
                jdbc,
                withdrawal(entry, ENTRY_COLUMNS, "entry.*, EXISTS (SELECT 1 FROM taken) AS covered"),
                statement -> bindWithdrawal(statement, entry),
                rows -> new Withdrawal(entry(rows), rows.getBoolean("covered")));
    }

    /**
     * {@link #insertAndWithdraw} for a caller that does not use the row: the same statement, but only
     * whether the wallet covered it comes back (the row is neither returned nor mapped; a run start,
     * issue 19). Empty as {@code insertAndWithdraw}.
     */
    Optional<Boolean> insertAndWithdrawCovered(NewEntry entry) {
        return SqlRows.optional(
                jdbc,
                withdrawal(entry, "university_id, user_id", "EXISTS (SELECT 1 FROM taken) AS covered"),
                statement -> bindWithdrawal(statement, entry),
                rows -> rows.getBoolean(1));
    }

    /** The debit's one statement, returning {@code selected} of the inserted row {@code entry}. */
    private static String withdrawal(NewEntry entry, String returning, String selected) {
        if (entry.amount() >= 0) {
            throw new IllegalArgumentException("a withdrawal's amount is negative: " + entry.amount());
        }
        String column = column(entry.currency());
        return "WITH entry AS (" + INSERT_ENTRY_UNLESS_KEPT + returning + "),"
                + " taken AS (UPDATE credit_wallets w SET " + column + " = w." + column + " - ?,"
                + " updated_at = now() FROM entry"
                + " WHERE w.university_id = entry.university_id AND w.user_id = entry.user_id"
                + " AND w." + column + " >= ? RETURNING w.user_id)"
                + " SELECT " + selected + " FROM entry";
    }

    private void bindWithdrawal(PreparedStatement statement, NewEntry entry) throws SQLException {
        bindEntry(statement, entry);
        statement.setLong(11, -(long) entry.amount());
        statement.setLong(12, -(long) entry.amount());
    }

    /** Parameters 1–10 of {@link #INSERT_ENTRY}. */
    private void bindEntry(PreparedStatement statement, NewEntry entry) throws SQLException {
        statement.setString(1, entry.feature());
        statement.setString(2, entry.currency().name());
        statement.setInt(3, entry.amount());
        statement.setString(4, entry.type().name());
        statement.setObject(5, entry.runId());
        statement.setString(6, entry.status());
        statement.setString(7, toJson(entry.metadata()));
        statement.setString(8, entry.idempotencyKey());
        statement.setLong(9, entry.universityId());
        statement.setLong(10, entry.userId());
    }

    Optional<LedgerEntry> findByKey(long universityId, String idempotencyKey) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + ENTRY_COLUMNS + " FROM credit_transactions WHERE university_id = ? AND idempotency_key = ?",
                SqlRows.parameters(universityId, idempotencyKey),
                this::entry);
    }

    /** Takes {@code amount} if the balance covers it: one conditional UPDATE; false when it does not. */
    boolean withdraw(long universityId, long userId, Currency currency, long amount) {
        String column = column(currency);
        return SqlRows.update(
                        jdbc,
                        "UPDATE credit_wallets SET " + column + " = " + column + " - ?, updated_at = now()"
                                + " WHERE university_id = ? AND user_id = ? AND " + column + " >= ?",
                        SqlRows.parameters(amount, universityId, userId, amount))
                == 1;
    }

    void deposit(long universityId, long userId, Currency currency, long amount) {
        String column = column(currency);
        int updated = SqlRows.update(
                jdbc,
                "UPDATE credit_wallets SET " + column + " = " + column + " + ?, updated_at = now()"
                        + " WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(amount, universityId, userId));
        if (updated != 1) {
            throw new IllegalStateException("no wallet for user " + userId + " of university " + universityId);
        }
    }

    /** The balance, with the wallet row locked until the transaction ends. */
    Optional<Long> lockBalance(long universityId, long userId, Currency currency) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + column(currency) + " FROM credit_wallets WHERE university_id = ? AND user_id = ?"
                        + " FOR UPDATE",
                SqlRows.parameters(universityId, userId),
                rows -> rows.getLong(1));
    }

    /** Locks the wallets in user order, so two bulk jobs never wait on each other in a cycle. */
    void lockWallets(long universityId, List<Long> userIds) {
        SqlRows.list(
                jdbc,
                "SELECT user_id FROM credit_wallets WHERE university_id = ? AND user_id = ANY(?::bigint[])"
                        + " ORDER BY user_id FOR UPDATE",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setArray(2, bigints(statement, userIds));
                },
                rows -> rows.getLong(1));
    }

    /**
     * Grants {@code amount} to each of {@code userIds} (wallets open and locked), one GRANT row
     * each keyed {@code keyPrefix + userId}; users already granted under their key are skipped.
     * Returns how many were granted now.
     */
    int grantEach(
            long universityId,
            List<Long> userIds,
            Currency currency,
            int amount,
            String keyPrefix,
            Map<String, ?> metadata) {
        return creditEach(universityId, userIds, currency, "?", amount, "", keyPrefix, metadata);
    }

    /**
     * Tops each of {@code userIds} (wallets open and locked) up to {@code target} with one GRANT
     * row keyed {@code keyPrefix + userId}; a balance at or above the target is left alone.
     * Returns how many were topped up now.
     */
    int topUpEachTo(
            long universityId,
            List<Long> userIds,
            Currency currency,
            long target,
            String keyPrefix,
            Map<String, ?> metadata) {
        String column = column(currency);
        return creditEach(
                universityId,
                userIds,
                currency,
                "? - w." + column,
                target,
                " AND w." + column + " < " + target,
                keyPrefix,
                metadata);
    }

    /**
     * One set-based statement for many wallets: a GRANT row per wallet (amount from
     * {@code amountSql}, whose one parameter is {@code amountParameter}) unless its key exists, then
     * each credited wallet moves by exactly its row's amount. {@code walletFilter} is trusted SQL.
     */
    private int creditEach(
            long universityId,
            List<Long> userIds,
            Currency currency,
            String amountSql,
            long amountParameter,
            String walletFilter,
            String keyPrefix,
            Map<String, ?> metadata) {
        String column = column(currency);
        return SqlRows.single(
                jdbc,
                "WITH granted AS ("
                        + " INSERT INTO credit_transactions (university_id, user_id, currency, amount, type, metadata,"
                        + " idempotency_key)"
                        + " SELECT w.university_id, w.user_id, ?, " + amountSql + ", 'GRANT', ?::jsonb, ? || w.user_id"
                        + " FROM credit_wallets w WHERE w.university_id = ? AND w.user_id = ANY(?::bigint[])"
                        + walletFilter
                        + " ON CONFLICT (university_id, idempotency_key) DO NOTHING RETURNING user_id, amount),"
                        + " credited AS ("
                        + " UPDATE credit_wallets w SET " + column + " = w." + column
                        + " + g.amount, updated_at = now()"
                        + " FROM granted g WHERE w.university_id = ? AND w.user_id = g.user_id RETURNING w.user_id)"
                        + " SELECT count(*) FROM credited",
                statement -> {
                    statement.setString(1, currency.name());
                    statement.setLong(2, amountParameter);
                    statement.setString(3, toJson(metadata));
                    statement.setString(4, keyPrefix);
                    statement.setLong(5, universityId);
                    statement.setArray(6, bigints(statement, userIds));
                    statement.setLong(7, universityId);
                },
                rows -> rows.getInt(1));
    }

    /** A page of the wallet's history, newest first (the page size in the statement: ADR 0050). */
    PageRead<List<LedgerEntry>> history(long universityId, long userId, int limit, long offset) {
        return PageRead.list(
                "credits.history:" + universityId + ":" + userId + ":" + limit + ":" + offset,
                "SELECT " + ENTRY_COLUMNS + " FROM credit_transactions WHERE university_id = ? AND user_id = ?"
                        + " ORDER BY id DESC" + SqlRows.limit(limit, offset),
                SqlRows.parameters(universityId, userId),
                this::entry);
    }

    static PageRead<Long> countHistory(long universityId, long userId) {
        return PageRead.single(
                "credits.history-count:" + universityId + ":" + userId,
                "SELECT count(*) FROM credit_transactions WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId),
                rows -> rows.getLong(1));
    }

    static String column(Currency currency) {
        return currency == Currency.SILVER ? "silver_credits" : "gold_credits";
    }

    private static Array bigints(PreparedStatement statement, List<Long> values) throws SQLException {
        return statement.getConnection().createArrayOf("bigint", values.toArray(new Long[0]));
    }

    private LedgerEntry entry(ResultSet rows) throws SQLException {
        return new LedgerEntry(
                rows.getLong("id"),
                rows.getLong("university_id"),
                rows.getLong("user_id"),
                rows.getString("feature"),
                Currency.valueOf(rows.getString("currency")),
                rows.getInt("amount"),
                TransactionType.valueOf(rows.getString("type")),
                rows.getObject("run_id", UUID.class),
                rows.getString("status"),
                fromJson(rows.getString("metadata")),
                rows.getString("idempotency_key"),
                rows.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** Most rows (every debit) carry no metadata: "{}" without a round through the JSON mapper. */
    private static final String NO_METADATA = "{}";

    String toJson(Map<String, ?> metadata) {
        if (metadata.isEmpty()) {
            return NO_METADATA;
        }
        try {
            return json.writeValueAsString(metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> fromJson(String metadata) {
        if (NO_METADATA.equals(metadata)) {
            return Map.of();
        }
        try {
            return json.readValue(metadata, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
