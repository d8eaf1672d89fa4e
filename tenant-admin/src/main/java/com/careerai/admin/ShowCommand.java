package com.careerai.admin;

import com.careerai.auth.Invitation;
import com.careerai.auth.Invitations;
import com.careerai.billing.PaymentSettings;
import com.careerai.platform.audit.AuditEntry;
import com.careerai.platform.audit.AuditLog;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityUsage;
import com.careerai.tenancy.UsageFigures;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "show",
        description = "One university: settings, usage in the last 30 days, invitations and recent audit entries.")
final class ShowCommand extends AdminCommand {
    private static final int AUDIT_ENTRIES = 10;

    @Parameters(paramLabel = "<subdomain>", description = "The university's subdomain.")
    String subdomain;

    @Override
    void execute() {
        University university = university(subdomain);
        UniversityUsage usage = bean(UniversityUsage.class);
        UsageFigures figures = within(
                university, () -> usage.figures(university.id(), Instant.now().minus(ListCommand.WINDOW)));
        List<Invitation> invitations =
                within(university, () -> bean(Invitations.class).list(university.id()));
        List<AuditEntry> audit = within(university, () -> bean(AuditLog.class).recent(university.id(), AUDIT_ENTRIES));
        PaymentSettings.Settings payments =
                within(university, () -> bean(PaymentSettings.class).of(university.id()));
        String currency = payments.currency() == null
                ? "each product's own"
                : payments.currency().toUpperCase(java.util.Locale.ROOT);
        Output output = output();
        if (output.isJson()) {
            Map<String, Object> json = Views.university(university);
            json.put("url", urlOf(university));
            json.put("payments", payments.provider().key());
            json.put("currency", payments.currency());
            json.put("students", figures.students());
            json.put("activeStudentsLast30Days", figures.activeStudents());
            json.put("runsLast30Days", figures.runsByTool());
            json.put(
                    "creditsSpentLast30Days",
                    figures.credits() == null ? null : figures.credits().spent());
            json.put(
                    "invitations",
                    invitations.stream().map(ShowCommand::invitation).toList());
            json.put("recentAudit", audit.stream().map(ShowCommand::auditEntry).toList());
            output.json(json);
            return;
        }
        output.table(
                List.of("FIELD", "VALUE"),
                List.of(
                        Output.row("name", university.name()),
                        Output.row("subdomain", university.subdomain()),
                        Output.row("address", urlOf(university)),
                        Output.row("status", university.status().name()),
                        Output.row("email domains", String.join(", ", university.allowedDomains())),
                        Output.row(
                                "credits at sign-in",
                                university.defaultSilver() + " silver, " + university.defaultGold() + " gold"),
                        Output.row("brand colour", university.brandColor()),
                        Output.row("logo", university.logoUrl() == null ? "-" : university.logoUrl()),
                        Output.row("payments", payments.provider().key() + " (currency: " + currency + ")"),
                        Output.row("created", Views.time(university.createdAt())),
                        Output.row(
                                "students",
                                figures.students() + " (" + figures.activeStudents() + " active in 30 days)"),
                        Output.row("runs in 30 days", figures.runs() == null ? "n/a" : runs(figures)),
                        Output.row(
                                "spent in 30 days s/g",
                                figures.credits() == null
                                        ? "n/a"
                                        : Views.silverGold(figures.credits().spent()))));
        output.line("");
        if (invitations.isEmpty()) {
            output.line("No invitations.");
        } else {
            List<List<Object>> rows = new ArrayList<>();
            Instant now = Instant.now();
            for (Invitation invitation : invitations) {
                rows.add(Output.row(
                        invitation.email(),
                        invitation.role().name(),
                        status(invitation, now),
                        invitation.invitedBy(),
                        Views.time(invitation.createdAt())));
            }
            output.table(List.of("INVITED", "ROLE", "STATUS", "BY", "AT"), rows);
        }
        output.line("");
        if (audit.isEmpty()) {
            output.line("No audit entries.");
        } else {
            JsonMapper json = bean(JsonMapper.class);
            List<List<Object>> rows = new ArrayList<>();
            for (AuditEntry entry : audit) {
                rows.add(Output.row(
                        Views.time(entry.createdAt()), entry.actor(), entry.action(), details(json, entry.details())));
            }
            output.table(List.of("AT", "ACTOR", "ACTION", "DETAILS"), rows);
        }
    }

    private static String runs(UsageFigures figures) {
        String byTool = Views.runsByTool(figures);
        return figures.runs() + (byTool.isEmpty() ? "" : " (" + byTool + ")");
    }

    private static String status(Invitation invitation, Instant now) {
        if (invitation.acceptedAt() != null) {
            return "accepted";
        }
        return invitation.isPending(now) ? "pending" : "expired";
    }

    private static String details(JsonMapper json, Map<String, Object> details) {
        try {
            String text = json.writeValueAsString(details);
            return text.length() > 80 ? text.substring(0, 77) + "..." : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> invitation(Invitation invitation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("email", invitation.email());
        view.put("role", invitation.role().name());
        view.put("status", status(invitation, Instant.now()));
        view.put("invitedBy", invitation.invitedBy());
        view.put("createdAt", Views.instant(invitation.createdAt()));
        view.put("expiresAt", Views.instant(invitation.expiresAt()));
        return view;
    }

    private static Map<String, Object> auditEntry(AuditEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", Views.instant(entry.createdAt()));
        view.put("actor", entry.actor());
        view.put("action", entry.action());
        view.put("details", entry.details());
        return view;
    }
}
