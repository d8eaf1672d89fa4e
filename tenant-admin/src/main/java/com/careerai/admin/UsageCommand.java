package com.careerai.admin;

import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.tenancy.UniversityUsage;
import com.careerai.tenancy.UsageFigures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "usage",
        description = "Per university since a time: students, active students, AI runs per tool, credits "
                + "granted/spent/refunded (silver/gold) and payments. n/a: not recorded by this release yet.")
final class UsageCommand extends AdminCommand {
    private static final List<String> CURRENCIES = List.of("SILVER", "GOLD");

    @Spec
    CommandSpec spec;

    @Option(
            names = "--since",
            converter = SinceConverter.class,
            defaultValue = "30d",
            description = "A date (2025-01-31, UTC), an instant or an age (30d, 12h); default ${DEFAULT-VALUE}.")
    Instant since;

    @Option(names = "--csv", description = "Print CSV (one row per university, one column per figure).")
    boolean csv;

    @Override
    void execute() {
        Output output = output();
        if (csv && output.isJson()) {
            throw new ParameterException(spec.commandLine(), "--csv and --json exclude each other");
        }
        List<University> universities = bean(UniversityAdministration.class).list();
        UniversityUsage usage = bean(UniversityUsage.class);
        Progress progress = progress();
        progress.start("Usage", universities.size());
        List<UsageFigures> figures = new ArrayList<>();
        for (University university : universities) {
            figures.add(within(university, () -> usage.figures(university.id(), since)));
            progress.advance(1);
        }
        progress.finish();
        if (output.isJson()) {
            json(output, universities, figures);
        } else if (csv) {
            csv(output, universities, figures);
        } else {
            table(output, universities, figures);
        }
    }

    private void json(Output output, List<University> universities, List<UsageFigures> figures) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < universities.size(); i++) {
            University university = universities.get(i);
            UsageFigures figure = figures.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("subdomain", university.subdomain());
            row.put("name", university.name());
            row.put("status", university.status().name());
            row.put("students", figure.students());
            row.put("activeStudents", figure.activeStudents());
            row.put("runs", figure.runs());
            row.put("runsByTool", figure.runsByTool());
            if (figure.credits() == null) {
                row.put("credits", null);
            } else {
                Map<String, Object> credits = new LinkedHashMap<>();
                credits.put("granted", byCurrency(figure.credits().granted()));
                credits.put("spent", byCurrency(figure.credits().spent()));
                credits.put("refunded", byCurrency(figure.credits().refunded()));
                row.put("credits", credits);
            }
            if (figure.payments() == null) {
                row.put("payments", null);
            } else {
                Map<String, Object> payments = new LinkedHashMap<>();
                payments.put("count", figure.payments().count());
                payments.put("amount", figure.payments().amount());
                row.put("payments", payments);
            }
            row.put("counts", figure.counts());
            rows.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("since", since.toString());
        json.put("universities", rows);
        output.json(json);
    }

    private void table(Output output, List<University> universities, List<UsageFigures> figures) {
        output.line("Usage since " + Views.time(since) + " (credits as silver/gold)");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < universities.size(); i++) {
            UsageFigures figure = figures.get(i);
            UsageFigures.Credits credits = figure.credits();
            rows.add(Output.row(
                    universities.get(i).subdomain(),
                    figure.students(),
                    figure.activeStudents(),
                    figure.runs(),
                    credits == null ? null : Views.silverGold(credits.granted()),
                    credits == null ? null : Views.silverGold(credits.spent()),
                    credits == null ? null : Views.silverGold(credits.refunded()),
                    figure.payments() == null ? null : payments(figure.payments()),
                    Views.runsByTool(figure),
                    counts(figure.counts())));
        }
        output.table(
                List.of(
                        "SUBDOMAIN",
                        "STUDENTS",
                        "ACTIVE",
                        "RUNS",
                        "GRANTED",
                        "SPENT",
                        "REFUNDED",
                        "PAYMENTS",
                        "RUNS BY TOOL",
                        "OTHER"),
                rows);
    }

    /** Other features' counts as "key n, key n" (appointments, downloads, enrolments, leads, tickets). */
    private static String counts(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((key, value) ->
                text.append(text.isEmpty() ? "" : ", ").append(key).append(' ').append(value));
        return text.toString();
    }

    private void csv(Output output, List<University> universities, List<UsageFigures> figures) {
        TreeSet<String> tools = new TreeSet<>();
        figures.stream()
                .filter(figure -> figure.runsByTool() != null)
                .forEach(figure -> tools.addAll(figure.runsByTool().keySet()));
        List<String> header = new ArrayList<>(List.of("subdomain", "name", "status", "students", "active_students"));
        header.add("runs_total");
        tools.forEach(tool -> header.add("runs_" + tool));
        for (String movement : List.of("granted", "spent", "refunded")) {
            CURRENCIES.forEach(currency -> header.add("credits_" + movement + "_" + currency.toLowerCase()));
        }
        header.addAll(List.of("payments_count", "payments_amount"));
        TreeSet<String> counted = new TreeSet<>();
        figures.forEach(figure -> counted.addAll(figure.counts().keySet()));
        header.addAll(counted);
        output.line(csvLine(header));
        for (int i = 0; i < universities.size(); i++) {
            University university = universities.get(i);
            UsageFigures figure = figures.get(i);
            List<Object> row = new ArrayList<>(List.of(
                    university.subdomain(),
                    university.name(),
                    university.status().name(),
                    figure.students(),
                    figure.activeStudents()));
            row.add(figure.runs());
            tools.forEach(tool -> row.add(
                    figure.runsByTool() == null ? null : figure.runsByTool().getOrDefault(tool, 0L)));
            List<Function<UsageFigures.Credits, Map<String, Long>>> movements =
                    List.of(UsageFigures.Credits::granted, UsageFigures.Credits::spent, UsageFigures.Credits::refunded);
            for (Function<UsageFigures.Credits, Map<String, Long>> movement : movements) {
                CURRENCIES.forEach(currency -> row.add(
                        figure.credits() == null
                                ? null
                                : movement.apply(figure.credits()).getOrDefault(currency, 0L)));
            }
            row.add(figure.payments() == null ? null : figure.payments().count());
            row.add(figure.payments() == null ? null : figure.payments().amount());
            counted.forEach(key -> row.add(figure.counts().get(key)));
            output.line(csvLine(row));
        }
    }

    private static Map<String, Long> byCurrency(Map<String, Long> amounts) {
        Map<String, Long> all = new LinkedHashMap<>();
        CURRENCIES.forEach(currency -> all.put(currency, amounts.getOrDefault(currency, 0L)));
        amounts.forEach(all::putIfAbsent);
        return all;
    }

    private static String payments(UsageFigures.Payments payments) {
        return payments.count()
                + (payments.amount() == null ? "" : " (" + payments.amount().toPlainString() + ")");
    }

    /** RFC 4180: fields with a comma, quote or line break are quoted; n/a is an empty field. */
    static String csvLine(List<?> fields) {
        return fields.stream()
                .map(field -> {
                    String text = field == null ? "" : field.toString();
                    return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                            ? "\"" + text.replace("\"", "\"\"") + "\""
                            : text;
                })
                .collect(Collectors.joining(","));
    }
}
