package com.careerai.inbox;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.courses.Cohorts;
import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.platform.web.LayoutModel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /staff/announcements}: write an announcement to every student or to students with some
 * interests, send it now or at a time, follow its status and counts, cancel a scheduled one.
 */
@Controller("/staff/announcements")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class StaffAnnouncementsController {
    private final Announcements announcements;
    private final Interests interests;
    private final Cohorts cohorts;
    private final LayoutModel layout;

    StaffAnnouncementsController(
            Announcements announcements, Interests interests, Cohorts cohorts, LayoutModel layout) {
        this.cohorts = cohorts;
        this.announcements = announcements;
        this.interests = interests;
        this.layout = layout;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(
            HttpRequest<?> request, @CurrentUser SignedInUser staff, @QueryValue(defaultValue = "1") int page) {
        // the announcements with their read counts, the interests, the cohorts and the header's reads in one
        // round trip (ADR 0076); they were a read transaction with a count per announcement, and two more
        long universityId = staff.universityId();
        layout.prefetchWith(
                request,
                List.of(
                        announcements.newestRead(universityId, page),
                        interests.allRead(universityId),
                        cohorts.currentRead(universityId)));
        Map<String, Object> model = listModel(staff, page, Map.of(), Map.of());
        return new ModelAndView<>("inbox/staff-announcements", model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> create(@CurrentUser SignedInUser staff, @Body Map<String, String> form) {
        List<Long> chosen = chosenInterests(form);
        Announcement.Audience audience = audience(form.get("audience"));
        Map<String, String> errors = new LinkedHashMap<>();
        Instant sendAt = null;
        String when = form.getOrDefault("when", "draft");
        try {
            sendAt = sendAt(when, form.get("at"), form.get("tz"));
        } catch (InboxException e) {
            errors.putAll(e.fields());
        }
        Announcement created = null;
        if (errors.isEmpty()) {
            try {
                created = announcements.create(
                        staff,
                        new Announcements.Draft(
                                form.get("title"), form.get("body"), audience, chosen, chosenCohort(form)));
            } catch (InboxException e) {
                errors.putAll(e.fields());
            }
        }
        if (created == null) {
            Map<String, Object> values = new HashMap<>(form);
            values.remove("csrf");
            values.put("audienceInterests", audience == Announcement.Audience.INTERESTS);
            values.put("audienceCohort", audience == Announcement.Audience.COHORT);
            values.put("whenLater", "later".equals(when));
            values.put("whenNow", "now".equals(when));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("inbox/staff-announcements", listModel(staff, 1, values, errors)));
        }
        if (sendAt != null) {
            announcements.schedule(staff, created.id(), sendAt);
        }
        return HttpResponse.seeOther(URI.create("/staff/announcements/" + created.id()));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> show(
            HttpRequest<?> request,
            @CurrentUser SignedInUser staff,
            @PathVariable long id,
            @QueryValue @Nullable String cancelled) {
        // the announcement and how many read it with the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, announcements.findReads(staff.universityId(), id));
        Map<String, Object> model = detailModel(staff, id, Map.of());
        if (cancelled != null) {
            model.put("notice", "Cancelled: nothing was sent. It is a draft again.");
        }
        return new ModelAndView<>("inbox/staff-announcement", model);
    }

    /** Sends a draft now or schedules it ({@code when} = {@code now} or {@code later} with {@code at}, {@code tz}). */
    @Post(value = "/{id}/send", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> send(@CurrentUser SignedInUser staff, @PathVariable long id, @Body Map<String, String> form) {
        Instant sendAt;
        try {
            sendAt = sendAt(form.getOrDefault("when", "now"), form.get("at"), form.get("tz"));
            if (sendAt == null) {
                throw InboxException.invalid(Map.of("when", "Choose to send now or at a time."));
            }
        } catch (InboxException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("inbox/staff-announcement", detailModel(staff, id, e.fields())));
        }
        announcements.schedule(staff, id, sendAt);
        return HttpResponse.seeOther(URI.create("/staff/announcements/" + id));
    }

    @Post(value = "/{id}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> cancel(@CurrentUser SignedInUser staff, @PathVariable long id) {
        announcements.cancel(staff, id);
        return HttpResponse.seeOther(URI.create("/staff/announcements/" + id + "?cancelled=1"));
    }

    private Map<String, Object> listModel(
            SignedInUser staff, int page, Map<String, Object> values, Map<String, String> errors) {
        long universityId = staff.universityId();
        List<Announcements.Progress> rows = announcements.newest(universityId, page);
        boolean more = rows.size() > Announcements.PAGE_SIZE;
        Map<String, Object> model = new HashMap<>();
        model.put(
                "announcements",
                (more ? rows.subList(0, Announcements.PAGE_SIZE) : rows)
                        .stream().map(StaffAnnouncementsController::row).toList());
        int current = Math.max(1, page);
        model.put("previous", current > 1 ? "/staff/announcements?page=" + (current - 1) : null);
        model.put("next", more ? "/staff/announcements?page=" + (current + 1) : null);
        List<Map<String, Object>> offered = new ArrayList<>();
        for (Interest interest : interests.offered(universityId)) {
            offered.add(Map.of(
                    "id", interest.id(),
                    "name", interest.name(),
                    "checked", values.containsKey("interest_" + interest.id())));
        }
        model.put("interests", offered);
        Object chosenCohort = values.get("cohort");
        model.put(
                "cohorts",
                cohorts.current(universityId).stream()
                        .map(cohort -> Map.of(
                                "id", cohort.batchId(),
                                "label",
                                        cohort.label() + " ("
                                                + com.careerai.platform.web.Plural.of(cohort.members(), "student")
                                                + ")",
                                "selected", String.valueOf(cohort.batchId()).equals(chosenCohort)))
                        .toList());
        model.put("values", values);
        model.put("errors", errors);
        return model;
    }

    private Map<String, Object> detailModel(SignedInUser staff, long id, Map<String, String> errors) {
        Announcements.Progress progress =
                announcements.find(staff.universityId(), id).orElseThrow(InboxException::announcementNotFound);
        Map<String, Object> model = new HashMap<>(row(progress));
        Announcement announcement = progress.announcement();
        model.put("bodyHtml", PlainText.toHtml(announcement.body()));
        List<String> names = interests.byIds(staff.universityId(), announcement.interestIds()).stream()
                .map(Interest::name)
                .toList();
        model.put(
                "audienceLabel",
                switch (announcement.audience()) {
                    case ALL_STUDENTS -> "All students";
                    case INTERESTS -> "Students interested in " + String.join(", ", names);
                    case COHORT ->
                        cohorts.label(staff.universityId(), announcement.batchId())
                                .map(label -> "Students of " + label)
                                .orElse("Students of one cohort");
                });
        model.put("draft", announcement.status() == Announcement.Status.DRAFT);
        model.put("scheduled", announcement.status() == Announcement.Status.SCHEDULED);
        model.put("sending", announcement.status() == Announcement.Status.SENDING);
        model.put("errors", errors);
        return model;
    }

    private static Map<String, Object> row(Announcements.Progress progress) {
        Announcement a = progress.announcement();
        Map<String, Object> row = new HashMap<>();
        row.put("id", a.id());
        row.put("title", a.title());
        row.put("status", a.status().name());
        row.put(
                "statusLabel",
                a.status().name().charAt(0) + a.status().name().substring(1).toLowerCase(java.util.Locale.ROOT));
        row.put(
                "badge",
                switch (a.status()) {
                    case SENT -> "ok";
                    case SENDING, SCHEDULED -> "warn";
                    case DRAFT -> "";
                });
        row.put("sendAt", InboxViews.whenUtc(a.sendAt()));
        row.put("sendAtIso", a.sendAt() == null ? "" : a.sendAt().toString());
        row.put("sentAt", InboxViews.whenUtc(a.sentAt()));
        row.put("created", InboxViews.whenUtc(a.createdAt()));
        row.put("recipients", a.recipients());
        row.put("emailed", a.emailed());
        row.put("read", progress.read());
        return row;
    }

    private static List<Long> chosenInterests(Map<String, String> form) {
        return form.keySet().stream()
                .filter(key -> key.matches("interest_[0-9]{1,18}"))
                .map(key -> Long.parseLong(key.substring("interest_".length())))
                .sorted()
                .toList();
    }

    private static @Nullable Long chosenCohort(Map<String, String> form) {
        String value = form.get("cohort");
        return value != null && value.matches("[0-9]{1,18}") ? Long.valueOf(value) : null;
    }

    private static Announcement.@Nullable Audience audience(@Nullable String value) {
        if ("INTERESTS".equals(value)) {
            return Announcement.Audience.INTERESTS;
        }
        if ("COHORT".equals(value)) {
            return Announcement.Audience.COHORT;
        }
        return "ALL_STUDENTS".equals(value) ? Announcement.Audience.ALL_STUDENTS : null;
    }

    /** Null for a draft; now for {@code now}; the local time {@code at} in zone {@code tz} for {@code later}. */
    private static @Nullable Instant sendAt(String when, @Nullable String at, @Nullable String tz) {
        switch (when) {
            case "draft" -> {
                return null;
            }
            case "now" -> {
                return Instant.now();
            }
            case "later" -> {
                ZoneId zone;
                try {
                    zone = ZoneId.of(tz == null || tz.isBlank() ? "UTC" : tz.strip());
                } catch (DateTimeException e) {
                    zone = ZoneId.of("UTC");
                }
                try {
                    Instant instant = LocalDateTime.parse(at == null ? "" : at.strip())
                            .atZone(zone)
                            .toInstant();
                    if (!instant.isAfter(Instant.now())) {
                        throw InboxException.invalid(Map.of("at", "Choose a time in the future."));
                    }
                    return instant;
                } catch (DateTimeParseException e) {
                    throw InboxException.invalid(Map.of("at", "Give a date and time, such as 2026-03-02T09:00."));
                }
            }
            default -> throw InboxException.invalid(Map.of("when", "Choose to save a draft, send now or schedule."));
        }
    }
}
