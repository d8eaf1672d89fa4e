package com.careerai.leads;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.List;

/** Staff analytics of leads: how far the period's leads got, and how fast someone first answered them. */
@Singleton
class LeadFigureSource implements FigureSource {
    private final JdbcOperations jdbc;

    LeadFigureSource(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 90;
    }

    private static final List<String> STAGES = List.of("NEW", "CONTACTED", "QUALIFIED", "ENROLLED", "LOST");

    @Override
    @Connectable
    public List<Figure> figures(long universityId, Period period) {
        java.util.Map<String, Long> byStage = new java.util.HashMap<>();
        SqlRows.list(
                        jdbc,
                        "SELECT status, count(*) FROM leads WHERE university_id = ? AND created_at >= ? AND created_at < ?"
                                + " GROUP BY status",
                        SqlRows.parameters(universityId, period.start(), period.end()),
                        row -> java.util.Map.entry(row.getString(1), row.getLong(2)))
                .forEach(entry -> byStage.put(entry.getKey(), entry.getValue()));
        List<Figure.Row> stages = STAGES.stream()
                .map(stage -> Figure.Row.of(
                        stage.charAt(0) + stage.substring(1).toLowerCase(java.util.Locale.ROOT),
                        List.of(byStage.getOrDefault(stage, 0L))))
                .toList();
        Figure leads = Figure.table(
                "leads-by-stage",
                "Leads by stage",
                "Stage",
                List.of("Leads"),
                stages,
                List.of(byStage.values().stream().mapToLong(Long::longValue).sum()),
                "Leads that came in during the period, by the stage they are at now.");
        Figure speed = Figure.series(
                "speed-to-lead",
                "Speed to lead (median minutes to first contact)",
                period,
                List.of("Median minutes", "Leads contacted"),
                SqlFigures.points(
                        jdbc,
                        "SELECT " + period.bucketOf("created_at") + ", 'Median minutes',"
                                + " round(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM first_contacted_at - created_at) / 60))::bigint"
                                + " FROM leads WHERE university_id = ? AND created_at >= ? AND created_at < ?"
                                + " AND first_contacted_at IS NOT NULL GROUP BY 1"
                                + " UNION ALL SELECT " + period.bucketOf("created_at") + ", 'Leads contacted', count(*)"
                                + " FROM leads WHERE university_id = ? AND created_at >= ? AND created_at < ?"
                                + " AND first_contacted_at IS NOT NULL GROUP BY 1",
                        SqlRows.parameters(
                                universityId,
                                period.start(),
                                period.end(),
                                universityId,
                                period.start(),
                                period.end())),
                SqlFigures.totals(
                        jdbc,
                        "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM first_contacted_at - created_at) / 60))::bigint,"
                                + " count(*) FROM leads WHERE university_id = ? AND created_at >= ? AND created_at < ?"
                                + " AND first_contacted_at IS NOT NULL",
                        SqlRows.parameters(universityId, period.start(), period.end())),
                "Minutes from an inquiry to its first call, message or email, for leads of the period that were contacted.");
        return List.of(leads, speed);
    }

    private static long students(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        return row.getLong(column);
    }
}
