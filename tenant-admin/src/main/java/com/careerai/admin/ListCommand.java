package com.careerai.admin;

import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.tenancy.UniversityUsage;
import com.careerai.tenancy.UsageFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(
        name = "list",
        description = "Every university with its status, students, and AI runs and credits spent in the last 30 days.")
final class ListCommand extends AdminCommand {
    static final Duration WINDOW = Duration.ofDays(30);

    @Override
    void execute() {
        List<University> universities = bean(UniversityAdministration.class).list();
        UniversityUsage usage = bean(UniversityUsage.class);
        Instant since = Instant.now().minus(WINDOW);
        Progress progress = progress();
        progress.start("Counting", universities.size());
        List<UsageFigures> figures = new ArrayList<>();
        for (University university : universities) {
            figures.add(within(university, () -> usage.figures(university.id(), since)));
            progress.advance(1);
        }
        progress.finish();
        Output output = output();
        if (output.isJson()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < universities.size(); i++) {
                Map<String, Object> row = Views.university(universities.get(i));
                row.put("url", urlOf(universities.get(i)));
                row.put("students", figures.get(i).students());
                row.put("runsLast30Days", figures.get(i).runs());
                row.put(
                        "creditsSpentLast30Days",
                        figures.get(i).credits() == null
                                ? null
                                : figures.get(i).credits().spent());
                rows.add(row);
            }
            output.json(rows);
            return;
        }
        if (universities.isEmpty()) {
            output.line("No universities yet: onboard one with `tenant-admin onboard …`.");
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < universities.size(); i++) {
            University university = universities.get(i);
            UsageFigures figure = figures.get(i);
            List<Object> row = new ArrayList<>();
            row.add(university.subdomain());
            row.add(university.name());
            row.add(university.status().name());
            row.add(figure.students());
            row.add(figure.runs());
            row.add(Views.silverGold(
                    figure.credits() == null ? null : figure.credits().spent()));
            row.add(Views.time(university.createdAt()));
            rows.add(row);
        }
        output.table(List.of("SUBDOMAIN", "NAME", "STATUS", "STUDENTS", "RUNS 30D", "SPENT 30D S/G", "CREATED"), rows);
    }
}
