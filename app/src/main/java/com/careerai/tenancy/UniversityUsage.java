package com.careerai.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Usage figures per university for operators (tenant-admin's {@code list} and {@code usage}).
 * It reads the tables that record usage: {@code users}, and — once the features that own them
 * exist — {@code ai_runs}, {@code credit_transactions} and {@code payments}. Which of those exist
 * is read from the catalogue ({@link #sources()}), so figures become real as migrations add the
 * tables, with no change here. Every statement is scoped to one university (docs/adr/0001).
 */
@Singleton
public class UniversityUsage {
    private static final String LEDGER = "credit_transactions";
    private static final String RUNS = "ai_runs";
    private static final String PAYMENTS = "payments";
    private static final List<String> PAYMENT_AMOUNT_COLUMNS = List.of("amount_cents", "amount");

    /**
     * Which usage tables this database has.
     *
     * @param paymentAmountColumn the payments column summed as the amount, if any
     */
    public record Sources(boolean runs, boolean ledger, boolean payments, @Nullable String paymentAmountColumn) {}

    private final JdbcOperations jdbc;

    UniversityUsage(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads the catalogue: a table counts only with the columns the figures need. */
    @Transactional(readOnly = true)
    public Sources sources() {
        Map<String, Set<String>> columns = jdbc.prepareStatement(
                "SELECT table_name, column_name FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() AND table_name IN (?, ?, ?)",
                (PreparedStatement statement) -> {
                    statement.setString(1, LEDGER);
                    statement.setString(2, RUNS);
                    statement.setString(3, PAYMENTS);
                    Map<String, Set<String>> found = new HashMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            found.computeIfAbsent(rows.getString(1), table -> new HashSet<>())
                                    .add(rows.getString(2));
                        }
                    }
                    return found;
                });
        Set<String> ledger = columns.getOrDefault(LEDGER, Set.of());
        Set<String> runs = columns.getOrDefault(RUNS, Set.of());
        Set<String> payments = columns.getOrDefault(PAYMENTS, Set.of());
        return new Sources(
                runs.containsAll(List.of("university_id", "tool", "created_at")),
                ledger.containsAll(List.of("university_id", "type", "currency", "amount", "created_at")),
                payments.containsAll(List.of("university_id", "created_at")),
                PAYMENT_AMOUNT_COLUMNS.stream()
                        .filter(payments::contains)
                        .findFirst()
                        .orElse(null));
    }

    /** One university's figures since {@code since}; {@code sources} from {@link #sources()}. */
    @Transactional(readOnly = true)
    public UsageFigures figures(long universityId, Instant since, Sources sources) {
        Timestamp from = Timestamp.from(since);
        long[] students = jdbc.prepareStatement(
                "SELECT count(*) FILTER (WHERE role = 'STUDENT'), "
                        + "count(*) FILTER (WHERE role = 'STUDENT' AND last_sign_in_at >= ?) "
                        + "FROM users WHERE university_id = ?",
                (PreparedStatement statement) -> {
                    statement.setTimestamp(1, from);
                    statement.setLong(2, universityId);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return new long[] {rows.getLong(1), rows.getLong(2)};
                    }
                });
        return new UsageFigures(
                universityId,
                since,
                students[0],
                students[1],
                sources.runs() ? runsByTool(universityId, from) : null,
                sources.ledger() ? credits(universityId, from) : null,
                sources.payments() ? payments(universityId, from, sources.paymentAmountColumn()) : null);
    }

    private Map<String, Long> runsByTool(long universityId, Timestamp from) {
        return jdbc.prepareStatement(
                "SELECT tool::text, count(*) FROM ai_runs WHERE university_id = ? AND created_at >= ? GROUP BY 1",
                (PreparedStatement statement) -> {
                    statement.setLong(1, universityId);
                    statement.setTimestamp(2, from);
                    Map<String, Long> runs = new TreeMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            runs.put(rows.getString(1), rows.getLong(2));
                        }
                    }
                    return runs;
                });
    }

    private UsageFigures.Credits credits(long universityId, Timestamp from) {
        return jdbc.prepareStatement(
                "SELECT type::text, currency::text, abs(sum(amount)) FROM credit_transactions "
                        + "WHERE university_id = ? AND created_at >= ? AND type::text IN ('GRANT', 'DEBIT', 'REFUND') "
                        + "GROUP BY 1, 2",
                (PreparedStatement statement) -> {
                    statement.setLong(1, universityId);
                    statement.setTimestamp(2, from);
                    Map<String, Long> granted = new TreeMap<>();
                    Map<String, Long> spent = new TreeMap<>();
                    Map<String, Long> refunded = new TreeMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            Map<String, Long> target =
                                    switch (rows.getString(1)) {
                                        case "GRANT" -> granted;
                                        case "DEBIT" -> spent;
                                        default -> refunded;
                                    };
                            target.put(rows.getString(2), rows.getLong(3));
                        }
                    }
                    return new UsageFigures.Credits(granted, spent, refunded);
                });
    }

    private UsageFigures.Payments payments(long universityId, Timestamp from, @Nullable String amountColumn) {
        // amountColumn is one of PAYMENT_AMOUNT_COLUMNS, never user input.
        String amount = amountColumn == null ? "NULL::numeric" : "sum(" + amountColumn + ")";
        return jdbc.prepareStatement(
                "SELECT count(*), " + amount + " FROM payments WHERE university_id = ? AND created_at >= ?",
                (PreparedStatement statement) -> {
                    statement.setLong(1, universityId);
                    statement.setTimestamp(2, from);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return new UsageFigures.Payments(rows.getLong(1), rows.getBigDecimal(2));
                    }
                });
    }
}
