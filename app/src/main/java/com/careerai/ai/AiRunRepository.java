package com.careerai.ai;

import com.careerai.platform.data.SqlRows;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code ai_runs}, by hand-written SQL (jsonb in and out). Every statement is scoped by
 * {@code university_id}, except the sweeper's cross-university scan for unfinished runs.
 */
@Singleton
@Connectable
class AiRunRepository {
    private static final String COLUMNS =
            "university_id, id, user_id, tool, status, currency, cost, model, fell_back, demo, "
                    + "input, output, error, attempts, tokens_in, tokens_out, created_at, started_at, finished_at";

    private final JdbcOperations jdbc;

    AiRunRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AiRun run) {
        update(
                "INSERT INTO ai_runs (university_id, id, user_id, tool, status, currency, cost, model, demo, input) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)",
                run.universityId(),
                run.id(),
                run.userId(),
                run.tool(),
                run.status().name(),
                run.currency(),
                run.cost(),
                run.model(),
                run.demo(),
                json(run.input()));
    }

    Optional<AiRun> find(long universityId, UUID id) {
        return one("SELECT " + COLUMNS + " FROM ai_runs WHERE university_id = ? AND id = ?", universityId, id);
    }

    /** The run, locked for the rest of the transaction (serialises worker, sweeper and refunds). */
    Optional<AiRun> lock(long universityId, UUID id) {
        return one(
                "SELECT " + COLUMNS + " FROM ai_runs WHERE university_id = ? AND id = ? FOR UPDATE", universityId, id);
    }

    Optional<AiRun> findOfUser(long universityId, long userId, UUID id) {
        return one(
                "SELECT " + COLUMNS + " FROM ai_runs WHERE university_id = ? AND user_id = ? AND id = ?",
                universityId,
                userId,
                id);
    }

    List<AiRun> listOfUser(long universityId, long userId, @Nullable String tool, int limit, int offset) {
        if (tool == null) {
            return many(
                    "SELECT " + COLUMNS + " FROM ai_runs WHERE university_id = ? AND user_id = ? "
                            + "ORDER BY created_at DESC LIMIT ? OFFSET ?",
                    universityId,
                    userId,
                    limit,
                    offset);
        }
        return many(
                "SELECT " + COLUMNS + " FROM ai_runs WHERE university_id = ? AND user_id = ? AND tool = ? "
                        + "ORDER BY created_at DESC LIMIT ? OFFSET ?",
                universityId,
                userId,
                tool,
                limit,
                offset);
    }

    long countSince(long universityId, Instant since) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*) FROM ai_runs WHERE university_id = ? AND created_at >= ?",
                SqlRows.parameters(universityId, Timestamp.from(since)),
                rows -> rows.getLong(1));
    }

    long countOfUser(long universityId, long userId) {
        return SqlRows.single(
                jdbc,
                "SELECT count(*) FROM ai_runs WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId),
                rows -> rows.getLong(1));
    }

    /** QUEUED/RUNNING → RUNNING, counting the attempt; false when the run is final or failed. */
    boolean markRunning(long universityId, UUID id) {
        return update(
                        "UPDATE ai_runs SET status = 'RUNNING', attempts = attempts + 1, "
                                + "started_at = COALESCE(started_at, now()) "
                                + "WHERE university_id = ? AND id = ? AND status IN ('QUEUED', 'RUNNING')",
                        universityId,
                        id)
                == 1;
    }

    /** RUNNING → SUCCEEDED; false when the sweeper already failed the run. */
    boolean succeed(
            long universityId,
            UUID id,
            JsonNode output,
            String model,
            boolean fellBack,
            boolean demo,
            long tokensIn,
            long tokensOut) {
        return update(
                        "UPDATE ai_runs SET status = 'SUCCEEDED', output = ?::jsonb, model = ?, fell_back = ?, demo = ?, "
                                + "tokens_in = ?, tokens_out = ?, finished_at = now(), error = NULL "
                                + "WHERE university_id = ? AND id = ? AND status = 'RUNNING'",
                        json(output),
                        model,
                        fellBack,
                        demo,
                        (int) tokensIn,
                        (int) tokensOut,
                        universityId,
                        id)
                == 1;
    }

    /** QUEUED/RUNNING → FAILED with the student-facing reason; false if already failed or final. */
    boolean markFailed(long universityId, UUID id, String error) {
        return update(
                        "UPDATE ai_runs SET status = 'FAILED', error = ?, finished_at = now() "
                                + "WHERE university_id = ? AND id = ? AND status IN ('QUEUED', 'RUNNING')",
                        error,
                        universityId,
                        id)
                == 1;
    }

    boolean markRefunded(long universityId, UUID id) {
        return update(
                        "UPDATE ai_runs SET status = 'REFUNDED' WHERE university_id = ? AND id = ? AND status = 'FAILED'",
                        universityId,
                        id)
                == 1;
    }

    /** A run named by its university and id. */
    record RunReference(long universityId, UUID id) {}

    /**
     * Runs of every university that are not final and older than {@code olderThan}: the sweeper's
     * view, the one read of ai_runs across universities (the platform path of ADR 0010).
     */
    List<RunReference> unfinishedBefore(Instant olderThan, int limit) {
        return SqlRows.list(
                jdbc,
                "SELECT university_id, id FROM platform_unfinished_runs(?, ?)",
                SqlRows.parameters(Timestamp.from(olderThan), limit),
                rows -> new RunReference(rows.getLong(1), rows.getObject(2, UUID.class)));
    }

    private Optional<AiRun> one(String sql, Object... parameters) {
        return SqlRows.optional(jdbc, sql, SqlRows.parameters(parameters), AiRunRepository::map);
    }

    private List<AiRun> many(String sql, Object... parameters) {
        return SqlRows.list(jdbc, sql, SqlRows.parameters(parameters), AiRunRepository::map);
    }

    private int update(String sql, Object... parameters) {
        return SqlRows.update(jdbc, sql, SqlRows.parameters(parameters));
    }

    private static AiRun map(ResultSet rows) throws SQLException {
        return new AiRun(
                rows.getLong("university_id"),
                rows.getObject("id", UUID.class),
                rows.getLong("user_id"),
                rows.getString("tool"),
                RunStatus.valueOf(rows.getString("status")),
                rows.getString("currency"),
                rows.getInt("cost"),
                rows.getString("model"),
                rows.getBoolean("fell_back"),
                rows.getBoolean("demo"),
                parse(rows.getString("input")),
                parse(rows.getString("output")),
                rows.getString("error"),
                rows.getInt("attempts"),
                (Integer) rows.getObject("tokens_in"),
                (Integer) rows.getObject("tokens_out"),
                rows.getTimestamp("created_at").toInstant(),
                instant(rows.getTimestamp("started_at")),
                instant(rows.getTimestamp("finished_at")));
    }

    @Nullable
    private static Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Nullable
    private static JsonNode parse(@Nullable String json) throws SQLException {
        if (json == null) {
            return null;
        }
        try {
            return ToolSchemas.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable jsonb", e);
        }
    }

    private static String json(JsonNode node) {
        return node.toString();
    }
}
