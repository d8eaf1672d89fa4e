package com.careerai.admin;

import com.careerai.billing.StripeEvents;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "stripe-events",
        description = "The Stripe webhook events received, newest first; --failed: only those whose handling failed"
                + " (FAILED after 5 attempts, RETRYING before). Replay one with `stripe-events replay <evt_id>`.",
        subcommands = {StripeEventsCommand.Replay.class})
final class StripeEventsCommand extends AdminCommand {
    @Option(names = "--failed", description = "Only FAILED and RETRYING events.")
    boolean failed;

    @Option(
            names = "--limit",
            defaultValue = "50",
            description = "At most this many events (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    void execute() {
        if (limit < 1 || limit > 10_000) {
            throw new ToolException("--limit must be from 1 to 10000");
        }
        List<StripeEvents.Recorded> events = recent();
        Output output = output();
        if (output.isJson()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (StripeEvents.Recorded event : events) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", event.id());
                row.put("type", event.type());
                row.put("receivedAt", event.receivedAt().toString());
                row.put("outcome", event.outcome());
                row.put("attempts", event.attempts());
                row.put("lastError", event.lastError());
                row.put(
                        "lastAttemptAt",
                        event.lastAttemptAt() == null
                                ? null
                                : event.lastAttemptAt().toString());
                row.put("detail", event.detail());
                row.put("universityId", event.universityId());
                rows.add(row);
            }
            output.json(rows);
            return;
        }
        if (events.isEmpty()) {
            output.line(failed ? "No failed Stripe events." : "No Stripe events received yet.");
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (StripeEvents.Recorded event : events) {
            String what = event.lastError() != null && !event.outcome().equals("PROCESSED")
                    ? event.lastError()
                    : event.detail() == null ? "" : event.detail();
            rows.add(List.of(
                    event.id(),
                    event.type(),
                    event.outcome(),
                    event.attempts(),
                    Views.time(event.receivedAt()),
                    what.length() > 80 ? what.substring(0, 77) + "..." : what));
        }
        output.table(List.of("EVENT", "TYPE", "OUTCOME", "ATTEMPTS", "RECEIVED", "LAST ERROR / DETAIL"), rows);
    }

    /** {@code stripe-events replay <evt_id>}: applies a FAILED event again, once its cause is fixed. */
    /**
     * The newest events: those not yet routed to a university (every FAILED one is), and each
     * university's own, read bound to it (row-level security, ADR 10), newest first.
     */
    private List<StripeEvents.Recorded> recent() {
        StripeEvents events = bean(StripeEvents.class);
        List<StripeEvents.Recorded> found = new java.util.ArrayList<>(events.recent(failed, limit));
        for (University university : bean(UniversityAdministration.class).list()) {
            found.addAll(within(university, () -> events.recent(failed, limit)).stream()
                    .filter(event -> event.universityId() != null)
                    .toList());
        }
        return found.stream()
                .sorted(java.util.Comparator.comparing(StripeEvents.Recorded::receivedAt)
                        .reversed())
                .limit(limit)
                .toList();
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description = "Apply a FAILED Stripe event again (once the cause of its failures is fixed), exactly once."
                    + " Exits 1 when it fails again (counted as one more attempt) or is not FAILED.")
    static final class Replay implements Callable<Integer> {
        @ParentCommand
        StripeEventsCommand parent;

        @Parameters(paramLabel = "<evt_id>", description = "The Stripe event id (evt_…).")
        String eventId;

        @Override
        public Integer call() {
            StripeEvents.Replayed replayed = parent.bean(StripeEvents.class).replay(eventId);
            Output output = parent.output();
            if (output.isJson()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", replayed.id());
                json.put("outcome", replayed.outcome());
                json.put("detail", replayed.detail());
                output.json(json);
            } else {
                output.line("Replayed " + replayed.id() + ": " + replayed.outcome() + " — " + replayed.detail());
            }
            return 0;
        }
    }
}
