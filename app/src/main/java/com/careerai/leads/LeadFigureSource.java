package com.careerai.leads;

import com.careerai.platform.analytics.Figure;
import com.careerai.platform.analytics.FigureSource;
import com.careerai.platform.analytics.Period;
import com.careerai.platform.analytics.SqlFigures;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import com.careerai.platform.web.PageReads;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** Staff analytics of leads: how far the period's leads got, and how fast someone first answered them. */
@Singleton
class LeadFigureSource implements FigureSource {
    private final PageReads pageReads;

    LeadFigureSource(PageReads pageReads) {
        this.pageReads = pageReads;
    }

    @Override
    public int order() {
        return 90;
    }

    private static final List<String> STAGES = List.of("NEW", "CONTACTED", "QUALIFIED", "ENROLLED", "LOST");

    @Override
    public List<PageRead<?>> reads(long universityId, Period period) {
        return List.of(byStage(universityId, period), speed(universityId, period), speedTotals(universityId, period));
    }

    @Override
    public List<Figure> figures(long universityId, Period period) {
        Map<String, Long> byStage = pageReads.read(byStage(universityId, period));
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
                pageReads.read(speed(universityId, period)),
                pageReads.read(speedTotals(universityId, period)),
                "Minutes from an inquiry to its first call, message or email, for leads of the period that were contacted.");
        return List.of(leads, speed);
    }

    private static PageRead<Map<String, Long>> byStage(long universityId, Period period) {
        return SqlFigures.counts(
                SqlFigures.key("leads.by-stage", universityId, period),
                "SELECT status, count(*) FROM leads WHERE university_id = ? AND created_at >= ? AND created_at < ?"
                        + " GROUP BY status",
                SqlRows.parameters(universityId, period.start(), period.end()));
    }

    private static PageRead<List<Figure.Point>> speed(long universityId, Period period) {
        return SqlFigures.points(
                SqlFigures.key("leads.speed", universityId, period),
                "SELECT " + period.bucketOf("created_at") + ", 'Median minutes',"
                        + " round(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM first_contacted_at - created_at) / 60))::bigint"
                        + " FROM leads WHERE university_id = ? AND created_at >= ? AND created_at < ?"
                        + " AND first_contacted_at IS NOT NULL GROUP BY 1"
                        + " UNION ALL SELECT " + period.bucketOf("created_at") + ", 'Leads contacted', count(*)"
                        + " FROM leads WHERE university_id = ? AND created_at >= ? AND created_at < ?"
                        + " AND first_contacted_at IS NOT NULL GROUP BY 1",
                SqlRows.parameters(
                        universityId, period.start(), period.end(), universityId, period.start(), period.end()));
    }

    private static PageRead<List<Number>> speedTotals(long universityId, Period period) {
        return SqlFigures.totals(
                SqlFigures.key("leads.speed-totals", universityId, period),
                "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM first_contacted_at - created_at) / 60))::bigint,"
                        + " count(*) FROM leads WHERE university_id = ? AND created_at >= ? AND created_at < ?"
                        + " AND first_contacted_at IS NOT NULL",
                SqlRows.parameters(universityId, period.start(), period.end()));
    }
}
