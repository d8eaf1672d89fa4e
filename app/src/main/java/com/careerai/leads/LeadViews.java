package com.careerai.leads;

import com.careerai.platform.web.Plural;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Leads, logs and figures as the staff pages show them. */
final class LeadViews {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private LeadViews() {}

    static Map<String, Object> lead(Lead lead) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", lead.id());
        view.put("name", lead.name());
        view.put("email", lead.email());
        view.put("phone", lead.phone());
        view.put("topic", lead.topic());
        view.put("courseTitle", lead.courseTitle());
        view.put("message", lead.message());
        view.put("status", lead.status().name());
        view.put("statusLabel", lead.status().label());
        view.put("inquiries", lead.inquiries() > 1 ? Plural.of(lead.inquiries(), "inquiry", "inquiries") : null);
        view.put("converted", lead.invitationId() != null);
        view.put("reserved", lead.reservationId() != null);
        view.put("received", WHEN.format(lead.createdAt()));
        view.put("receivedIso", lead.createdAt().toString());
        return view;
    }

    static Map<String, Object> log(CommunicationLog log) {
        Map<String, Object> view = new HashMap<>();
        view.put("channel", log.channel().label());
        view.put("template", log.template());
        view.put("automatic", log.automatic());
        view.put("status", log.status());
        view.put("statusClass", log.status().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        view.put("providerId", log.providerId());
        view.put("error", log.error());
        view.put("at", WHEN.format(log.at()));
        view.put("atIso", log.at().toString());
        return view;
    }

    static List<Map<String, Object>> logs(List<CommunicationLog> logs) {
        return logs.stream().map(LeadViews::log).toList();
    }

    static String when(java.time.Instant at) {
        return WHEN.format(at);
    }

    /** "2 min 5 s", "40 s", "3 h 2 min", or "no data yet". */
    static String duration(Double seconds) {
        if (seconds == null) {
            return "no data yet";
        }
        Duration d = Duration.ofMillis(Math.round(seconds * 1000));
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return Math.max(d.toSeconds(), 0) + " s";
    }
}
