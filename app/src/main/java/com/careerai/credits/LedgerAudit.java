package com.careerai.credits;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Proves the ledger: for every wallet and currency the cached balance equals the sum of its
 * ledger amounts, and every REFUND has the DEBIT of its run (same user, currency, opposite
 * amount). Each university is read in one snapshot. Used by the staff page, the operators'
 * JSON endpoint and tenant-admin.
 */
@Singleton
public class LedgerAudit {
    /** At most this many problems are listed per university (the count is still exact). */
    public static final int MAX_LISTED = 500;

    /** What kind of inconsistency a problem is. */
    public enum Kind {
        /** The wallet's cached balance differs from the sum of its ledger rows. */
        BALANCE_MISMATCH,
        /** A REFUND row whose run has no matching DEBIT. */
        REFUND_WITHOUT_DEBIT
    }

    /**
     * One inconsistency.
     *
     * @param expected the sum of the ledger (balance mismatch) or the refunded amount
     * @param actual the cached balance (balance mismatch) or 0
     */
    @Serdeable
    public record Problem(
            Kind kind,
            long userId,
            Currency currency,
            long expected,
            long actual,
            @Nullable Long transactionId,
            @Nullable UUID runId) {}

    /** The audit of one university; {@code problems} lists at most {@link #MAX_LISTED} of {@code problemCount}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Report(
            long universityId,
            long walletsChecked,
            long transactionsChecked,
            long problemCount,
            List<Problem> problems) {
        public boolean clean() {
            return problemCount == 0;
        }
    }

    private final JdbcOperations jdbc;

    LedgerAudit(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Audits one university's wallets, in one consistent snapshot. */
    @Transactional(isolation = TransactionDefinition.Isolation.REPEATABLE_READ, readOnly = true)
    public Report audit(long universityId) {
        List<Problem> problems = new ArrayList<>();
        long count = balanceMismatches(universityId, problems) + refundsWithoutDebit(universityId, problems);
        long[] checked = jdbc.prepareStatement(
                "SELECT (SELECT count(*) FROM credit_wallets WHERE university_id = ?),"
                        + " (SELECT count(*) FROM credit_transactions WHERE university_id = ?)",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, universityId);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return new long[] {rows.getLong(1), rows.getLong(2)};
                    }
                });
        return new Report(
                universityId,
                checked[0],
                checked[1],
                count,
                List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_LISTED))));
    }

    private long balanceMismatches(long universityId, List<Problem> problems) {
        return jdbc.prepareStatement(
                "SELECT w.user_id, w.silver_credits, w.gold_credits,"
                        + " coalesce(t.silver, 0) AS silver_sum, coalesce(t.gold, 0) AS gold_sum"
                        + " FROM credit_wallets w LEFT JOIN ("
                        + "   SELECT user_id,"
                        + "     sum(amount) FILTER (WHERE currency = 'SILVER') AS silver,"
                        + "     sum(amount) FILTER (WHERE currency = 'GOLD') AS gold"
                        + "   FROM credit_transactions WHERE university_id = ? GROUP BY user_id"
                        + " ) t ON t.user_id = w.user_id"
                        + " WHERE w.university_id = ?"
                        + " AND (w.silver_credits <> coalesce(t.silver, 0) OR w.gold_credits <> coalesce(t.gold, 0))"
                        + " ORDER BY w.user_id",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, universityId);
                    long found = 0;
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            long userId = rows.getLong("user_id");
                            found += mismatch(
                                    problems,
                                    userId,
                                    Currency.SILVER,
                                    rows.getLong("silver_sum"),
                                    rows.getLong("silver_credits"));
                            found += mismatch(
                                    problems,
                                    userId,
                                    Currency.GOLD,
                                    rows.getLong("gold_sum"),
                                    rows.getLong("gold_credits"));
                        }
                    }
                    return found;
                });
    }

    private static int mismatch(List<Problem> problems, long userId, Currency currency, long sum, long balance) {
        if (sum == balance) {
            return 0;
        }
        problems.add(new Problem(Kind.BALANCE_MISMATCH, userId, currency, sum, balance, null, null));
        return 1;
    }

    private long refundsWithoutDebit(long universityId, List<Problem> problems) {
        return jdbc.prepareStatement(
                "SELECT r.id, r.user_id, r.currency, r.amount, r.run_id FROM credit_transactions r"
                        + " WHERE r.university_id = ? AND r.type = 'REFUND' AND NOT EXISTS ("
                        + "   SELECT 1 FROM credit_transactions d WHERE d.university_id = ? AND d.type = 'DEBIT'"
                        + "   AND d.run_id = r.run_id AND d.user_id = r.user_id AND d.currency = r.currency"
                        + "   AND d.amount = -r.amount)"
                        + " ORDER BY r.id",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, universityId);
                    long found = 0;
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found++;
                            problems.add(new Problem(
                                    Kind.REFUND_WITHOUT_DEBIT,
                                    rows.getLong("user_id"),
                                    Currency.valueOf(rows.getString("currency")),
                                    rows.getLong("amount"),
                                    0,
                                    rows.getLong("id"),
                                    rows.getObject("run_id", UUID.class)));
                        }
                    }
                    return found;
                });
    }
}
