package com.careerai.admin;

import com.careerai.tenancy.University;
import com.careerai.tenancy.UsageFigures;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** How universities and figures look in JSON output and in table cells. */
final class Views {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'");

    private Views() {}

    static Map<String, Object> university(University university) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", university.id());
        view.put("name", university.name());
        view.put("subdomain", university.subdomain());
        view.put("status", university.status().name());
        view.put("allowedDomains", university.allowedDomains());
        view.put("defaultSilver", university.defaultSilver());
        view.put("defaultGold", university.defaultGold());
        view.put("brandColor", university.brandColor());
        view.put("logoUrl", university.logoUrl());
        view.put("createdAt", instant(university.createdAt()));
        return view;
    }

    static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** A short UTC time for tables. */
    static String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** {@code silver/gold} of a per-currency figure, {@code null} (n/a) when not recorded. */
    static String silverGold(Map<String, Long> byCurrency) {
        if (byCurrency == null) {
            return null;
        }
        return byCurrency.getOrDefault("SILVER", 0L) + "/" + byCurrency.getOrDefault("GOLD", 0L);
    }

    /** {@code tool count, …}, for a table cell. */
    static String runsByTool(UsageFigures figures) {
        if (figures.runsByTool() == null) {
            return null;
        }
        return figures.runsByTool().entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
