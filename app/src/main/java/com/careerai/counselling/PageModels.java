package com.careerai.counselling;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns counselling records into the plain maps the Handlebars pages show. */
@Singleton
class PageModels {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private static final String A_STUDENT = "A student";

    private final Counsellors counsellors;
    private final UserAccounts users;
    private final CounsellingConfiguration configuration;
    private final CounsellingClock clock;
    private final PageReads reads;

    PageModels(
            Counsellors counsellors,
            UserAccounts users,
            CounsellingConfiguration configuration,
            CounsellingClock clock,
            PageReads reads) {
        this.counsellors = counsellors;
        this.users = users;
        this.configuration = configuration;
        this.clock = clock;
        this.reads = reads;
    }

    static ZoneId zone(String tz, ZoneId fallback) {
        try {
            return tz == null || tz.isBlank() ? fallback : ZoneId.of(tz.strip());
        } catch (java.time.DateTimeException e) {
            return fallback;
        }
    }

    Map<String, Object> counsellor(Counsellors.Listed listed) {
        Map<String, Object> model = profile(listed.counsellor());
        model.put("rating", listed.rating().average());
        model.put("ratings", listed.rating().count());
        model.put(
                "ratingsLabel",
                listed.rating().count() + " rating" + (listed.rating().count() == 1 ? "" : "s"));
        model.put(
                "sessionTypes",
                listed.sessionTypes().stream().map(PageModels::sessionType).toList());
        return model;
    }

    /** A counsellor's public profile: name, initial or photo, bio, expertise, languages, zone. */
    static Map<String, Object> profile(Counsellor c) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", c.userId());
        model.put("name", c.name());
        model.put("initial", c.name().substring(0, 1).toUpperCase(Locale.ROOT));
        model.put("photo", c.hasPhoto() ? "/counselling/photos/" + c.userId() : null);
        model.put("bio", c.bio());
        model.put("expertise", c.expertise());
        model.put("languages", String.join(", ", c.languages()));
        model.put("timeZone", c.timeZone().getId());
        model.put("status", c.status().name());
        return model;
    }

    static Map<String, Object> sessionType(SessionType type) {
        Map<String, Object> model = new HashMap<>();
        model.put("slug", type.slug());
        model.put("name", type.name());
        model.put("minutes", type.minutes());
        model.put("price", price(type));
        model.put("included", type.included());
        return model;
    }

    static String price(SessionType type) {
        if (type.paidByCard()) {
            return com.careerai.billing.ExpertPayouts.format(type.priceCents(), type.priceCurrency()) + " by card";
        }
        if (type.free()) {
            return "Free";
        }
        return type.priceGold() + " gold" + (type.included() ? " or a plan session" : "");
    }

    /** An appointment as a row or page: times in {@code zone}, names, what the viewer may do. */
    Map<String, Object> appointment(Appointment a, ZoneId zone, long viewerId) {
        return appointment(a, zone, viewerId, nameOf(users.find(a.universityId(), a.studentId())));
    }

    private static String nameOf(Optional<User> student) {
        return student.map(User::displayName).orElse(A_STUDENT);
    }

    private Map<String, Object> appointment(Appointment a, ZoneId zone, long viewerId, String studentName) {
        Map<String, Object> model = new LinkedHashMap<>();
        Instant now = clock.now();
        model.put("id", a.id().toString());
        model.put("sessionName", a.sessionName());
        model.put("when", WHEN.format(a.startsAt().atZone(zone)));
        model.put("until", TIME.format(a.endsAt().atZone(zone)));
        model.put("zone", zone.getId());
        model.put("startUtc", ApiViews.iso(a.startsAt()));
        model.put("status", a.status().name());
        model.put("statusLabel", a.status().name().replace('_', '-').toLowerCase(Locale.ROOT));
        model.put("active", a.isActive());
        model.put("upcoming", a.isActive() && now.isBefore(a.startsAt()));
        model.put("started", !now.isBefore(a.startsAt()));
        model.put(
                "payment",
                switch (a.payment()) {
                    case FREE -> "Free";
                    case PLAN -> "Plan session" + (a.refunded() ? " (given back)" : "");
                    case GOLD -> a.chargedGold() + " gold" + (a.refunded() ? " (refunded)" : "");
                    case CARD ->
                        a.status() == AppointmentStatus.PENDING
                                ? "Card payment awaited (slot held)"
                                : "Paid by card" + (a.refunded() ? " (refunded)" : "");
                });
        boolean participant = a.isParticipant(viewerId);
        boolean joinable = participant
                && a.status() == AppointmentStatus.CONFIRMED
                && !now.isBefore(a.startsAt().minus(configuration.getJoinEarly()))
                && now.isBefore(a.endsAt());
        model.put("joinable", joinable);
        if (joinable) {
            model.put("meetingUrl", a.meetingUrl());
        }
        model.put("note", a.note());
        model.put("counsellorId", a.counsellorId());
        model.put("studentId", a.studentId());
        model.put(
                "counsellorName",
                counsellors
                        .findOnce(a.universityId(), a.counsellorId())
                        .map(Counsellor::name)
                        .orElse("A counsellor"));
        model.put("studentName", studentName);
        model.put("cancelReason", a.cancelReason());
        model.put(
                "rescheduledFrom",
                a.rescheduledFrom() == null
                        ? null
                        : WHEN.format(a.rescheduledFrom().atZone(zone)));
        return model;
    }

    /**
     * What {@link #appointment(Appointment, ZoneId, long)} reads — the counsellor, the student's name — for a
     * page to send with its other reads (ADR 0076); nothing for what this request already read.
     */
    List<PageRead<?>> appointmentReads(Appointment a) {
        List<PageRead<?>> names =
                new ArrayList<>(counsellors.findOnceReads(a.universityId(), List.of(a.counsellorId())));
        names.addAll(users.findAllOnceReads(a.universityId(), List.of(a.studentId())));
        return names;
    }

    /**
     * The appointments' models: their counsellors read once each, all in one round trip, and their students'
     * names in one statement (a staff list holds up to 1,000 appointments; each read its counsellor and its
     * student before).
     */
    List<Map<String, Object>> appointments(List<Appointment> list, ZoneId zone, long viewerId) {
        if (list.isEmpty()) {
            return List.of();
        }
        long universityId = list.get(0).universityId();
        List<Long> studentIds = list.stream().map(Appointment::studentId).toList();
        // the counsellors and the students named, in one round trip (ADR 0076)
        List<PageRead<?>> names = new ArrayList<>(counsellors.findOnceReads(
                universityId, list.stream().map(Appointment::counsellorId).toList()));
        names.addAll(users.findAllOnceReads(universityId, studentIds));
        reads.prefetch(names);
        Map<Long, User> students = users.findAllOnce(universityId, studentIds);
        return list.stream()
                .map(a -> appointment(a, zone, viewerId, nameOf(Optional.ofNullable(students.get(a.studentId())))))
                .toList();
    }
}
