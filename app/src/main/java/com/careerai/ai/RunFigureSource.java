package com.careerai.ai;

import com.careerai.platform.analytics.Cover;
import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.web.PageReads;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of AI runs: per day and per tool, by outcome. */
@Singleton
class RunFigureSource implements FigureSource {
    private final PageReads pageReads;

    RunFigureSource(PageReads pageReads) {
        this.pageReads = pageReads;
    }

    @Override
    public int order() {
        return 20;
    }

    private static final List<String> OUTCOMES = List.of("Succeeded", "Failed", "In progress");
    /**
     * The outcome columns of the counters (V94) and of the live runs' counts per day and tool, as rows,
     * in the order of {@link #OUTCOMES}.
     */
    private static final String OUTCOME_ROWS =
            "CROSS JOIN LATERAL (VALUES (0, succeeded), (1, failed), (2, in_progress)) AS o (outcome, runs)";

    /** One aggregated group of runs: a bucket, a tool and an outcome. */
    private record Group(java.time.LocalDate bucket, String tool, String outcome, long runs) {}

    @Override
    public List<PageRead<?>> reads(long universityId, Period period) {
        return List.of(groups(universityId, period), studentsByTool(universityId, period));
    }

    @Override
    public List<Figure> figures(long universityId, Period period) {
        List<Group> groups = pageReads.read(groups(universityId, period));
        java.util.Map<String, Long> studentsByTool = pageReads.read(studentsByTool(universityId, period));
        long[] total = new long[OUTCOMES.size()];
        java.util.Map<java.time.LocalDate, long[]> byBucket = new java.util.TreeMap<>();
        java.util.Map<String, long[]> byTool = new java.util.TreeMap<>();
        for (Group group : groups) {
            int outcome = OUTCOMES.indexOf(group.outcome());
            total[outcome] += group.runs();
            byBucket.computeIfAbsent(group.bucket(), bucket -> new long[OUTCOMES.size()])[outcome] += group.runs();
            byTool.computeIfAbsent(group.tool(), tool -> new long[OUTCOMES.size()])[outcome] += group.runs();
        }
        List<Number> totals = List.of(total[0], total[1], total[2]);
        List<Figure.Point> points = new java.util.ArrayList<>();
        byBucket.forEach((bucket, runs) -> {
            for (int outcome = 0; outcome < OUTCOMES.size(); outcome++) {
                if (runs[outcome] > 0) {
                    points.add(new Figure.Point(bucket, OUTCOMES.get(outcome), runs[outcome]));
                }
            }
        });
        Figure runs = Figure.series(
                "ai-runs",
                "AI runs by outcome",
                period,
                OUTCOMES,
                points,
                totals,
                "Runs started in the period; failed runs were refunded.");
        List<Figure.Row> perTool = byTool.entrySet().stream()
                .sorted(java.util.Comparator.comparingLong((java.util.Map.Entry<String, long[]> entry) ->
                                -java.util.Arrays.stream(entry.getValue()).sum())
                        .thenComparing(java.util.Map.Entry::getKey))
                .map(entry -> Figure.Row.ofStudents(
                        entry.getKey(),
                        List.of(entry.getValue()[0], entry.getValue()[1], entry.getValue()[2]),
                        studentsByTool.getOrDefault(entry.getKey(), 0L)))
                .toList();
        return List.of(
                runs,
                Figure.table(
                        "ai-runs-by-tool",
                        "AI runs per tool",
                        "Tool",
                        OUTCOMES,
                        perTool,
                        totals,
                        "Runs started in the period, per tool and outcome."));
    }

    /**
     * The first instant read live: the later of the period's start ({@code ?}) and the day after the
     * university's fold mark ({@code ?}, V105; {@code -infinity} when nothing is folded yet).
     */
    private static final String LIVE_FROM =
            "greatest(?::timestamptz, (ai_run_folded_through(?) + 1)::timestamp AT TIME ZONE 'UTC')";

    /**
     * Runs per bucket, tool and outcome: the per-day counters of the folded days (V91, by outcome
     * since V94, folded since V105) — a few thousand rows for a year where the runs themselves were a
     * third of the page's time (issue 17) — and the runs of the days after the fold mark (two or
     * three days, counted per day and tool before they join the counters: 46 instead of 68 ms for a
     * university's 8,200 runs of one day, bench/RESULTS "Session 29"), in one statement so that both
     * parts are read from one snapshot. The series, the totals and the per-tool table are sums of
     * these groups.
     */
    private static PageRead<List<Group>> groups(long universityId, Period period) {
        return PageRead.list(
                SqlFigures.key("ai.groups", universityId, period),
                "SELECT " + period.bucketOfDay("day") + ", tool, o.outcome, sum(o.runs)::bigint FROM ("
                        + "SELECT day, tool, in_progress, succeeded, failed FROM ai_run_days"
                        + " WHERE university_id = ? AND day BETWEEN ? AND least(?::date, ai_run_folded_through(?))"
                        + " UNION ALL SELECT (created_at AT TIME ZONE 'UTC')::date, tool,"
                        + " count(*) FILTER (WHERE ai_run_outcome(status) = 0),"
                        + " count(*) FILTER (WHERE ai_run_outcome(status) = 1),"
                        + " count(*) FILTER (WHERE ai_run_outcome(status) = 2) FROM ai_runs"
                        + " WHERE university_id = ? AND created_at >= " + LIVE_FROM + " AND created_at < ?"
                        + " GROUP BY 1, 2) AS counted "
                        + OUTCOME_ROWS
                        + " GROUP BY 1, 2, 3 HAVING sum(o.runs) > 0",
                SqlRows.parameters(
                        universityId,
                        period.from(),
                        period.to(),
                        universityId,
                        universityId,
                        period.start(),
                        universityId,
                        period.end()),
                row -> new Group(
                        row.getDate(1).toLocalDate(), row.getString(2), OUTCOMES.get(row.getInt(3)), row.getLong(4)));
    }

    /**
     * Distinct students per tool: the (week or month, tool, student) rows of the whole weeks and months
     * inside the period (V91; a row stands for a run of a folded day, V105), the runs of the few days
     * left over, and the runs of the days after the fold mark.
     */
    private static PageRead<java.util.Map<String, Long>> studentsByTool(long universityId, Period period) {
        Cover cover = period.cover();
        Cover.Condition periods = cover.periods("unit", "starts_on");
        Cover.Condition days = cover.instants("created_at");
        return SqlFigures.counts(
                SqlFigures.key("ai.students-by-tool", universityId, period),
                "SELECT tool, count(*) FROM (SELECT tool, user_id FROM ai_run_students WHERE university_id = ? AND "
                        + periods.sql()
                        + " UNION SELECT tool, user_id FROM ai_runs WHERE university_id = ? AND "
                        + days.sql()
                        + " UNION SELECT tool, user_id FROM ai_runs WHERE university_id = ? AND created_at >= "
                        + LIVE_FROM + " AND created_at < ?) AS used GROUP BY tool",
                SqlFigures.parameters(
                        universityId,
                        periods,
                        universityId,
                        days,
                        universityId,
                        period.start(),
                        universityId,
                        period.end()));
    }
}
