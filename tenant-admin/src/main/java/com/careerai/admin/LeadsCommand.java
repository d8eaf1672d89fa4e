package com.careerai.admin;

import com.careerai.leads.SalesLead;
import com.careerai.leads.SalesLeads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leads}: the sales leads from the platform's own contact page, newest first. */
@Command(
        name = "leads",
        description = "Sales leads from the contact page of the platform's own site (the bare base domain),"
                + " newest first.")
final class LeadsCommand extends AdminCommand {
    @Option(
            names = "--since",
            converter = SinceConverter.class,
            defaultValue = "30d",
            description = "A date (2025-01-31, UTC), an instant or an age (30d, 12h); default ${DEFAULT-VALUE}.")
    Instant since;

    @Option(
            names = "--limit",
            defaultValue = "100",
            description = "At most this many leads (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    void execute() {
        if (limit < 1 || limit > 10_000) {
            throw new ToolException("--limit must be from 1 to 10000");
        }
        List<SalesLead> leads = bean(SalesLeads.class).since(since, limit);
        Output output = output();
        if (output.isJson()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (SalesLead lead : leads) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", lead.id());
                row.put("receivedAt", lead.createdAt().toString());
                row.put("name", lead.name());
                row.put("email", lead.email());
                row.put("phone", lead.phone());
                row.put("organisation", lead.organisation());
                row.put("message", lead.message());
                rows.add(row);
            }
            output.json(rows);
            return;
        }
        if (leads.isEmpty()) {
            output.line("No sales leads since " + Views.time(since) + ".");
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SalesLead lead : leads) {
            String message = lead.message() == null ? "" : lead.message().replaceAll("\\s+", " ");
            rows.add(List.of(
                    lead.id(),
                    Views.time(lead.createdAt()),
                    lead.name(),
                    lead.email(),
                    lead.phone() == null ? "" : lead.phone(),
                    lead.organisation(),
                    message.length() > 60 ? message.substring(0, 57) + "..." : message));
        }
        output.table(List.of("ID", "RECEIVED", "NAME", "EMAIL", "PHONE", "ORGANISATION", "MESSAGE"), rows);
    }
}
