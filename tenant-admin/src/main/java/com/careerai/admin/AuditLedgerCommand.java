package com.careerai.admin;

import com.careerai.credits.LedgerAudit;
import com.careerai.credits.LedgerAudit.Problem;
import com.careerai.credits.LedgerAudit.Report;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "audit-ledger",
        description = "Check every wallet (of one university, or all): cached balance = sum of ledger rows for each "
                + "currency, and no refund without its debit. Exits 1 when anything is off.")
final class AuditLedgerCommand extends AdminCommand {
    @Parameters(paramLabel = "<subdomain>", arity = "0..1", description = "One university; all when omitted.")
    String subdomain;

    @Override
    void execute() {
        LedgerAudit audit = bean(LedgerAudit.class);
        List<University> universities =
                subdomain == null ? bean(UniversityAdministration.class).list() : List.of(university(subdomain));
        Progress progress = progress();
        progress.start("Auditing", universities.size());
        List<Report> reports = new ArrayList<>();
        for (University university : universities) {
            reports.add(within(university, () -> audit.audit(university.id())));
            progress.advance(1);
        }
        progress.finish();
        long problems = reports.stream().mapToLong(Report::problemCount).sum();
        if (output().isJson()) {
            List<Map<String, Object>> json = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("subdomain", universities.get(i).subdomain());
                row.put("wallets", reports.get(i).walletsChecked());
                row.put("transactions", reports.get(i).transactionsChecked());
                row.put("clean", reports.get(i).clean());
                row.put("problems", reports.get(i).problems());
                json.add(row);
            }
            output().json(Map.of("clean", problems == 0, "universities", json));
        } else {
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                Report report = reports.get(i);
                rows.add(List.of(
                        universities.get(i).subdomain(),
                        report.walletsChecked(),
                        report.transactionsChecked(),
                        report.clean() ? "clean" : report.problemCount() + " problem(s)"));
            }
            output().table(List.of("UNIVERSITY", "WALLETS", "TRANSACTIONS", "RESULT"), rows);
            for (int i = 0; i < reports.size(); i++) {
                for (Problem problem : reports.get(i).problems()) {
                    output().line(universities.get(i).subdomain() + ": " + problem.kind() + " user " + problem.userId()
                            + " "
                            + problem.currency() + " expected " + problem.expected() + " found " + problem.actual()
                            + (problem.runId() == null ? "" : " run " + problem.runId()));
                }
            }
        }
        if (problems > 0) {
            throw new ToolException("The ledger audit found " + problems + " problem(s)");
        }
    }
}
