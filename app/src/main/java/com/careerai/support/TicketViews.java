package com.careerai.support;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tickets as the pages show them. */
final class TicketViews {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private TicketViews() {}

    static Map<String, Object> ticket(Ticket ticket) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", ticket.id());
        view.put("subject", ticket.subject());
        view.put("category", ticket.category());
        view.put("status", ticket.status().name());
        view.put("statusLabel", ticket.status().label());
        view.put("requesterName", ticket.requesterName());
        view.put("requesterEmail", ticket.requesterEmail());
        view.put("assigned", ticket.assigneeId() != null);
        view.put("finished", ticket.finished());
        view.put("closed", ticket.status() == Ticket.Status.CLOSED);
        view.put("resolved", ticket.status() == Ticket.Status.RESOLVED);
        view.put("csat", ticket.csat());
        view.put("rateable", ticket.finished() && ticket.csat() == null);
        view.put("opened", WHEN.format(ticket.createdAt()));
        view.put("openedIso", ticket.createdAt().toString());
        view.put("updated", WHEN.format(ticket.updatedAt()));
        return view;
    }

    static Map<String, Object> withTimers(Ticket ticket, Tickets.Timers timers) {
        Map<String, Object> view = ticket(ticket);
        view.put("firstResponse", duration(timers.firstResponse()));
        view.put("firstResponseBreached", timers.firstResponseBreached());
        view.put("firstResponseDone", ticket.firstResponseAt() != null);
        view.put("resolution", duration(timers.resolution()));
        view.put("resolutionBreached", timers.resolutionBreached());
        view.put("breached", timers.firstResponseBreached() || timers.resolutionBreached());
        return view;
    }

    static List<Map<String, Object>> messages(List<Ticket.Message> messages) {
        return messages.stream()
                .map(m -> Map.<String, Object>of(
                        "author", m.authorName(),
                        "body", m.body(),
                        "internal", m.internal(),
                        "staff", !m.kind().equals("REQUESTER"),
                        "at", WHEN.format(m.at()),
                        "atIso", m.at().toString()))
                .toList();
    }

    /** "3 h 20 min" of business time. */
    static String duration(Duration d) {
        long hours = d.toHours();
        return hours > 0 ? hours + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
    }
}
