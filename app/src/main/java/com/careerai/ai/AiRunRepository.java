package com.careerai.ai;

import com.careerai.platform.data.PageRead;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
            "university_id, id, user_id, tool, title, status, currency, cost, model, fell_back, demo, "
                    + "input, analysis, output, error, attempts, tokens_in, tokens_out, created_at, started_at, finished_at";
    /** {@link #COLUMNS} with no input and no analysis (each read as null). */
    private static final String LISTED_COLUMNS =
            "university_id, id, user_id, tool, title, status, currency, cost, model, fell_back, demo, "
                    + "NULL AS input, NULL AS analysis, output, error, attempts, tokens_in, tokens_out, created_at, "
                    + "started_at, finished_at";
    /**
     * {@link RunSummary}'s columns: no jsonb but a CV Analysis run's whole-number overall score,
     * taken out of the output by PostgreSQL.
     */
    private static final String SUMMARY_COLUMNS = "id, tool, title, status, currency, cost, demo, fell_back, error, "
            + "created_at, CASE WHEN tool = '" + RunSummary.CV_ANALYSIS + "' "
            + "AND jsonb_typeof(output -> 'overallScore') = 'number' "
            + "AND output ->> 'overallScore' ~ '^-?[0-9]{1,9}$' THEN (output ->> 'overallScore')::int END AS score";

    private final JdbcOperations jdbc;

    AiRunRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new run; {@code analysisJson} is its resume analysis as JSON (the run's own is not read). */
    void insert(AiRun run, @Nullable String analysisJson) {
        update(
                "INSERT INTO ai_runs (university_id, id, user_id, tool, title, status, currency, cost, model, demo, "
                        + "input, analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)",
                run.universityId(),
                run.id(),
                run.userId(),
                run.tool(),
                run.title(),
                run.status().name(),
                run.currency(),
                run.cost(),
                run.model(),
                run.demo(),
                json(run.input()),
                analysisJson);
    }

    Optional<AiRun> find(long universityId, UUID id) {
        return one("SELECT " + COLUMNS + " FROM ai_runs WHERE university_id = ? AND id = ?", universityId, id);
    }

    /** The run, locked for the rest of the transaction (serialises worker, sweeper and refunds). */
    Optional<AiRun> lock(long universityId, UUID id) {
        return one(
                "SELECT " + COLUMNS + " FROM ai_runs WHERE university_id = ? AND id = ? FOR UPDATE", universityId, id);
    }

    /** The user's run, locked for the rest of the transaction. */
    Optional<AiRun> lockOfUser(long universityId, long userId, UUID id) {
        return one(
                "SELECT " + COLUMNS + " FROM ai_runs WHERE university_id = ? AND user_id = ? AND id = ? FOR UPDATE",
                universityId,
                userId,
                id);
    }

    Optional<AiRun> findOfUser(long universityId, long userId, UUID id) {
        return ofUser(universityId, userId, id).runOn(jdbc);
    }

    /** The user's run, as a page's read (ADR 0076). */
    static PageRead<Optional<AiRun>> ofUser(long universityId, long userId, UUID id) {
        return PageRead.optional(
                "ai.run-of-user:" + universityId + ":" + userId + ":" + id,
                "SELECT " + COLUMNS + " FROM ai_runs WHERE university_id = ? AND user_id = ? AND id = ?",
                SqlRows.parameters(universityId, userId, id),
                AiRunRepository::map);
    }

    /** Runs started in the university since {@code since}, as a page's read (ADR 0076). */
    static PageRead<Long> countSinceRead(long universityId, Instant since) {
        return PageRead.single(
                "ai.runs-since:" + universityId + ":" + since,
                "SELECT count(*) FROM ai_runs WHERE university_id = ? AND created_at >= ?",
                SqlRows.parameters(universityId, Timestamp.from(since)),
                rows -> rows.getLong(1));
    }

    /** The user's runs that pass the filter (null: all), newest first. */
    List<AiRun> listOfUser(long universityId, long userId, @Nullable RunFilter filter, int limit, long offset) {
        return newestOfUser("ai.runs", COLUMNS, universityId, userId, filter, limit, offset, AiRunRepository::map)
                .runOn(jdbc);
    }

    /** {@link #listOfUser} without the runs' inputs and outputs: what lists show. */
    List<RunSummary> summariesOfUser(
            long universityId, long userId, @Nullable RunFilter filter, int limit, long offset) {
        return summaries(universityId, userId, filter, limit, offset).runOn(jdbc);
    }

    /** What {@link #summariesOfUser} reads, as a page's read (ADR 0076). */
    static PageRead<List<RunSummary>> summaries(
            long universityId, long userId, @Nullable RunFilter filter, int limit, long offset) {
        return newestOfUser(
                "ai.run-summaries",
                SUMMARY_COLUMNS,
                universityId,
                userId,
                filter,
                limit,
                offset,
                AiRunRepository::summary);
    }

    /**
     * A user's newest succeeded runs whose input holds a resume (what a student can share with a
     * counsellor), as a page's read (ADR 0076): their summaries only, the inputs looked at in SQL.
     */
    static PageRead<List<RunSummary>> withResume(long universityId, long userId, int limit) {
        return PageRead.list(
                "ai.runs-with-resume:" + universityId + ":" + userId + ":" + limit,
                "SELECT " + SUMMARY_COLUMNS + " FROM ai_runs WHERE university_id = ? AND user_id = ?"
                        + " AND status = 'SUCCEEDED' AND input ->> 'resume' ~ '\\S'"
                        + " ORDER BY created_at DESC" + SqlRows.limit(limit, 0),
                SqlRows.parameters(universityId, userId),
                AiRunRepository::summary);
    }

    private static RunSummary summary(ResultSet rows) throws SQLException {
        return new RunSummary(
                rows.getObject("id", UUID.class),
                rows.getString("tool"),
                rows.getString("title"),
                RunStatus.valueOf(rows.getString("status")),
                rows.getString("currency"),
                rows.getInt("cost"),
                rows.getBoolean("demo"),
                rows.getBoolean("fell_back"),
                rows.getString("error"),
                rows.getTimestamp("created_at").toInstant(),
                (Integer) rows.getObject("score"));
    }

    /**
     * {@link #listOfUser} for a list that shows outputs but neither inputs nor the stored analyses (the
     * runs API's list): those two columns are not read or parsed.
     */
    static PageRead<List<AiRun>> listed(
            long universityId, long userId, @Nullable RunFilter filter, int limit, long offset) {
        return newestOfUser(
                "ai.runs-listed", LISTED_COLUMNS, universityId, userId, filter, limit, offset, AiRunRepository::map);
    }

    /**
     * The user's newest {@code limit} succeeded runs of a tool created before {@code before}, with their outputs
     * but neither inputs nor analyses (a result page's comparison with earlier runs), as a page's read (ADR 0076).
     */
    static PageRead<List<AiRun>> succeededBefore(
            long universityId, long userId, String tool, Instant before, int limit) {
        return PageRead.list(
                "ai.runs-before:" + universityId + ":" + userId + ":" + tool + ":" + before + ":" + limit,
                "SELECT " + LISTED_COLUMNS + " FROM ai_runs WHERE university_id = ? AND user_id = ? AND tool = ?"
                        + " AND status = 'SUCCEEDED' AND created_at < ? ORDER BY created_at DESC"
                        + SqlRows.limit(limit, 0),
                SqlRows.parameters(universityId, userId, tool, before.atOffset(java.time.ZoneOffset.UTC)),
                AiRunRepository::map);
    }

    /** A page of the user's runs that pass the filter, newest first: these columns, mapped by {@code mapper}. */
    private static <T> PageRead<List<T>> newestOfUser(
            String name,
            String columns,
            long universityId,
            long userId,
            @Nullable RunFilter filter,
            int limit,
            long offset,
            SqlRows.RowMapper<T> mapper) {
        List<Object> parameters = new ArrayList<>();
        String where = where(universityId, userId, filter, parameters);
        return PageRead.list(
                name + ":" + universityId + ":" + userId + ":" + filter + ":" + limit + ":" + offset,
                "SELECT " + columns + " FROM ai_runs " + where + " ORDER BY created_at DESC"
                        + SqlRows.limit(limit, offset),
                SqlRows.parameters(parameters.toArray()),
                mapper);
    }

    long countOfUser(long universityId, long userId, RunFilter filter) {
        return counted(universityId, userId, filter).runOn(jdbc);
    }

    /** What {@link #countOfUser} reads, as a page's read (ADR 0076). */
    static PageRead<Long> counted(long universityId, long userId, @Nullable RunFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(universityId, userId, filter, parameters);
        return PageRead.single(
                "ai.runs-count:" + universityId + ":" + userId + ":" + filter,
                "SELECT count(*) FROM ai_runs " + where,
                SqlRows.parameters(parameters.toArray()),
                rows -> rows.getLong(1));
    }

    /** Conditions of the filter, with their values appended to {@code parameters}. */
    private static String where(long universityId, long userId, @Nullable RunFilter given, List<Object> parameters) {
        RunFilter filter = given == null ? RunFilter.NONE : given;
        StringBuilder where = new StringBuilder("WHERE university_id = ? AND user_id = ?");
        parameters.add(universityId);
        parameters.add(userId);
        if (filter.tool() != null) {
            where.append(" AND tool = ?");
            parameters.add(filter.tool());
        }
        if (!filter.statuses().isEmpty()) {
            where.append(" AND status IN (")
                    .append(String.join(
                            ", ", Collections.nCopies(filter.statuses().size(), "?")))
                    .append(')');
            filter.statuses().forEach(status -> parameters.add(status.name()));
        }
        if (filter.words() != null) {
            // the words as typed, found anywhere in the title; LIKE's own wildcards are escaped
            where.append(" AND lower(title) LIKE ? ESCAPE '\\'");
            parameters.add("%" + filter.words().toLowerCase(Locale.ROOT).replaceAll("([\\\\%_])", "\\\\$1") + "%");
        }
        return where.toString();
    }

    /**
     * Deletes the user's run (its input, output and analysis; its PDF goes by cascade) and the
     * idempotency keys that named it. The ledger rows stay: they do not reference the run's row.
     */
    boolean delete(long universityId, long userId, UUID id) {
        update("DELETE FROM run_idempotency_keys WHERE university_id = ? AND run_id = ?", universityId, id);
        return update(
                        "DELETE FROM ai_runs WHERE university_id = ? AND user_id = ? AND id = ?",
                        universityId,
                        userId,
                        id)
                == 1;
    }

    /**
     * QUEUED/RUNNING → RUNNING, counting the attempt; the run as it is now, or empty when it is final
     * or failed. One statement: the worker needs the row it has just marked (issue 19).
     */
    Optional<AiRun> markRunning(long universityId, UUID id) {
        return one(
                "UPDATE ai_runs SET status = 'RUNNING', attempts = attempts + 1, "
                        + "started_at = COALESCE(started_at, now()) "
                        + "WHERE university_id = ? AND id = ? AND status IN ('QUEUED', 'RUNNING') RETURNING " + COLUMNS,
                universityId,
                id);
    }

    /** The run's status alone (no JSON read), or empty when the run is gone. */
    Optional<RunStatus> status(long universityId, UUID id) {
        return SqlRows.optional(
                jdbc,
                "SELECT status FROM ai_runs WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, id),
                rows -> RunStatus.valueOf(rows.getString(1)));
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

    private int update(String sql, Object... parameters) {
        return SqlRows.update(jdbc, sql, SqlRows.parameters(parameters));
    }

    private static AiRun map(ResultSet rows) throws SQLException {
        return new AiRun(
                rows.getLong("university_id"),
                rows.getObject("id", UUID.class),
                rows.getLong("user_id"),
                rows.getString("tool"),
                rows.getString("title"),
                RunStatus.valueOf(rows.getString("status")),
                rows.getString("currency"),
                rows.getInt("cost"),
                rows.getString("model"),
                rows.getBoolean("fell_back"),
                rows.getBoolean("demo"),
                parse(rows.getString("input")),
                parse(rows.getString("analysis")),
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
