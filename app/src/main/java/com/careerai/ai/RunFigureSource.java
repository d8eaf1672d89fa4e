package com.careerai.ai;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of AI runs: per day and per tool, by outcome. */
@Singleton
class RunFigureSource implements FigureSource {
    private final JdbcOperations jdbc;

    RunFigureSource(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 20;
    }

    private static final String OUTCOME = "CASE WHEN status = 'SUCCEEDED' THEN 'Succeeded'"
            + " WHEN status IN ('FAILED', 'REFUNDED') THEN 'Failed' ELSE 'In progress' END";
    private static final List<String> OUTCOMES = List.of("Succeeded", "Failed", "In progress");

    @Override
    @Transactional(readOnly = true)
    public List<Figure> figures(long universityId, Period period) {
        List<Number> totals = SqlFigures.totals(
                jdbc,
                "SELECT count(*) FILTER (WHERE status = 'SUCCEEDED'),"
                        + " count(*) FILTER (WHERE status IN ('FAILED', 'REFUNDED')),"
                        + " count(*) FILTER (WHERE status IN ('QUEUED', 'RUNNING'))"
                        + " FROM ai_runs WHERE university_id = ? AND created_at >= ? AND created_at < ?",
                SqlRows.parameters(universityId, period.start(), period.end()));
        Figure runs = Figure.series(
                "ai-runs",
                "AI runs by outcome",
                period,
                OUTCOMES,
                SqlFigures.points(
                        jdbc,
                        "SELECT " + period.bucketOf("created_at") + ", " + OUTCOME + ", count(*) FROM ai_runs"
                                + " WHERE university_id = ? AND created_at >= ? AND created_at < ? GROUP BY 1, 2",
                        SqlRows.parameters(universityId, period.start(), period.end())),
                totals,
                "Runs started in the period; failed runs were refunded.");
        List<Figure.Row> byTool = SqlRows.list(
                jdbc,
                "SELECT tool, count(*) FILTER (WHERE status = 'SUCCEEDED') AS succeeded,"
                        + " count(*) FILTER (WHERE status IN ('FAILED', 'REFUNDED')) AS failed,"
                        + " count(*) FILTER (WHERE status IN ('QUEUED', 'RUNNING')) AS running,"
                        + " count(DISTINCT user_id) AS students"
                        + " FROM ai_runs WHERE university_id = ? AND created_at >= ? AND created_at < ?"
                        + " GROUP BY tool ORDER BY count(*) DESC, tool",
                SqlRows.parameters(universityId, period.start(), period.end()),
                row -> Figure.Row.ofStudents(
                        row.getString("tool"),
                        List.of(row.getLong("succeeded"), row.getLong("failed"), row.getLong("running")),
                        students(row, "students")));
        return List.of(
                runs,
                Figure.table(
                        "ai-runs-by-tool",
                        "AI runs per tool",
                        "Tool",
                        OUTCOMES,
                        byTool,
                        totals,
                        "Runs started in the period, per tool and outcome."));
    }

    private static long students(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        return row.getLong(column);
    }
}
