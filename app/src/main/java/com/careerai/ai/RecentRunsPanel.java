package com.careerai.ai;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.DashboardPanel;
import com.careerai.platform.web.Dates;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Dashboard panel 30: the student's latest runs with their titles and status, and — when CV
 * Analysis has scored them more than once — the score trend, oldest to newest, as words
 * ("CV score: 58 → 64 → 71"). One bounded query.
 */
@Singleton
class RecentRunsPanel implements DashboardPanel {
    static final int SHOWN = 5;
    /** Runs read to find CV scores among them. */
    static final int READ = 20;

    private final RunService runs;
    private final ToolCatalog tools;

    RecentRunsPanel(RunService runs, ToolCatalog tools) {
        this.runs = runs;
        this.tools = tools;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<PageRead<?>> reads(long universityId, long userId, ZoneId zone) {
        return List.of(runs.summariesOfStudentRead(universityId, userId, READ));
    }

    @Override
    public Optional<Panel> panel(long universityId, long userId, ZoneId zone) {
        List<RunSummary> recent = runs.summariesOfStudent(universityId, userId, READ);
        List<Item> items = new ArrayList<>();
        recent.stream()
                .limit(SHOWN)
                .forEach(run -> items.add(new Item(
                        tools.find(run.tool()).map(run::displayTitle).orElse(run.tool()),
                        Dates.moment(run.createdAt(), zone),
                        "/runs/" + run.id(),
                        status(run.status()))));
        List<Integer> scores = new ArrayList<>();
        for (RunSummary run : recent) {
            if (run.score() != null) {
                scores.add(0, run.score());
            }
        }
        if (scores.size() > 1) {
            items.add(new Item(
                    "CV score: "
                            + String.join(
                                    " → ", scores.stream().map(String::valueOf).toList()),
                    "Your CV Analysis scores, oldest first",
                    null,
                    null));
        }
        return Optional.of(new Panel(
                "runs",
                "Recent runs",
                items,
                "No runs yet. Start with a CV Analysis of your resume.",
                "/runs",
                "All runs"));
    }

    private static String status(RunStatus status) {
        String name = status.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
