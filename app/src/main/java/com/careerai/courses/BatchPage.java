package com.careerai.courses;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.data.PageRead;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model of the batch page ({@code courses/batch}): sessions with Join, recording, materials and
 * (for the instructor and staff) the attendance register; assignments. One place, so every form on
 * the page can re-render it with its messages beside its fields.
 */
@Singleton
class BatchPage {
    private final Courses courses;
    private final Assignments assignments;
    private final Materials materials;
    private final Attendance attendance;
    private final BatchAccess access;

    BatchPage(
            Courses courses, Assignments assignments, Materials materials, Attendance attendance, BatchAccess access) {
        this.access = access;
        this.courses = courses;
        this.assignments = assignments;
        this.materials = materials;
        this.attendance = attendance;
    }

    /**
     * A form of one session that failed: which form ({@code recording}, {@code material},
     * {@code attendance}), the messages by field and the values sent.
     */
    record SessionError(long sessionId, String form, Map<String, String> errors, Map<String, String> values) {}

    Map<String, Object> model(
            SignedInUser user,
            BatchAccess.Granted granted,
            @Nullable String tz,
            @Nullable SessionError error,
            @Nullable Long opened) {
        Batch batch = granted.batch();
        ZoneId zone = CourseViews.zone(tz, batch.zone());
        Instant now = courses.now();
        Map<Long, List<Material>> bySession = materials.ofSessions(user.universityId(), batch.id());
        List<BatchSession> all = courses.sessions(user.universityId(), batch.id());
        // every started session's figures counted in SQL; a register (a line per student) only for the latest
        // session started, one the instructor opened and one whose form failed: a register of every one made a
        // batch of 400 students, twelve sessions in, a page of 4,800 check boxes
        // a register's link keeps the time zone the page was asked in
        String zoneAsked = tz == null
                ? ""
                : "&tz=" + java.net.URLEncoder.encode(zone.getId(), java.nio.charset.StandardCharsets.UTF_8);
        Map<Long, AttendanceStore.SessionAttendance> figures =
                granted.teaches() ? attendance.figures(user.universityId(), batch.id()) : Map.of();
        Map<Long, List<Attendance.Entry>> registers = granted.teaches()
                ? attendance.registers(user.universityId(), batch.id(), registersShown(all, now, error, opened))
                : Map.of();
        List<Map<String, Object>> rows = all.stream()
                .map(session -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", session.id());
                    row.put("when", CourseViews.when(session.startsAt(), zone));
                    row.put("until", CourseViews.TIME.format(session.endsAt().atZone(zone)));
                    row.put("cancelled", session.cancelled());
                    row.put("moved", session.movedFrom() != null);
                    row.put("joinable", granted.mayJoin() && batch.meetingUrl() != null && session.joinableAt(now));
                    row.put("past", !session.endsAt().isAfter(now));
                    boolean started = started(session, now);
                    row.put("started", started);
                    row.put("recordingUrl", session.recordingUrl());
                    row.put("teaches", granted.teaches());
                    row.put(
                            "materials",
                            bySession.getOrDefault(session.id(), List.of()).stream()
                                    .map(Materials::view)
                                    .toList());
                    if (granted.teaches() && started) {
                        AttendanceStore.SessionAttendance counted = figures.get(session.id());
                        row.put(
                                "attendance",
                                counted != null && counted.recorded() > 0
                                        ? counted.present() + " of " + counted.expected() + " present"
                                        : "Not taken yet");
                        List<Attendance.Entry> register = registers.get(session.id());
                        row.put("registerShown", register != null);
                        row.put(
                                "registerOpen",
                                register != null && Long.valueOf(session.id()).equals(opened));
                        row.put(
                                "register",
                                register == null
                                        ? List.of()
                                        : register.stream()
                                                .map(entry -> Map.of(
                                                        "userId", entry.userId(),
                                                        "name", entry.name(),
                                                        "present", entry.present()))
                                                .toList());
                        row.put(
                                "registerLink",
                                "/batches/" + batch.id() + "?register=" + session.id() + zoneAsked + "#session-"
                                        + session.id());
                    }
                    Map<String, String> errors = Map.of();
                    Map<String, String> values = Map.of();
                    if (error != null && error.sessionId() == session.id()) {
                        errors = error.errors();
                        values = error.values();
                        row.put("errorForm", error.form());
                    }
                    row.put("errors", errors);
                    row.put("values", values);
                    return row;
                })
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("course", CourseViews.course(granted.course()));
        model.put("batch", CourseViews.batch(batch, now));
        model.put("sessions", rows);
        model.put("zone", zone.getId());
        model.put("teaches", granted.teaches());
        model.put("staff", granted.as() == BatchAccess.As.STAFF);
        model.put(
                "assignments",
                assignments.ofBatch(user.universityId(), batch.id()).stream()
                        .map(assignment -> Map.of(
                                "id", assignment.id(),
                                "title", assignment.title(),
                                "due", CourseViews.when(assignment.dueAt(), zone)))
                        .toList());
        model.put("form", AssignmentForms.blank());
        model.put("errors", Map.of());
        return model;
    }

    /**
     * What {@link #model} and the access check before it read, for the batch page to send with the header's
     * reads in one round trip (ADR 0076): the batch, its course, a student's enrolment, the sessions, their
     * materials, the assignments and, for whoever may teach, the roster and every started session's figures.
     */
    List<PageRead<?>> reads(SignedInUser user, long batchId) {
        long universityId = user.universityId();
        List<PageRead<?>> page = new ArrayList<>(access.reads(user, batchId));
        page.add(CourseStore.sessionsRead(universityId, batchId));
        page.add(MaterialStore.ofBatchRead(universityId, batchId));
        page.add(AssignmentStore.ofBatchRead(universityId, batchId));
        if (user.role() != Role.STUDENT) { // an instructor is a counsellor or staff
            page.addAll(attendance.registersReads(universityId, batchId));
        }
        return page;
    }

    /**
     * The started sessions whose register the page shows: the latest started, {@code opened} and the one whose
     * attendance form failed.
     */
    private static List<Long> registersShown(
            List<BatchSession> all, Instant now, @Nullable SessionError error, @Nullable Long opened) {
        List<Long> started = all.stream() // soonest first, as the batch's sessions are read
                .filter(session -> started(session, now))
                .map(BatchSession::id)
                .toList();
        java.util.Set<Long> shown = new java.util.LinkedHashSet<>();
        if (!started.isEmpty()) {
            shown.add(started.get(started.size() - 1));
        }
        if (opened != null && started.contains(opened)) {
            shown.add(opened);
        }
        if (error != null && "attendance".equals(error.form()) && started.contains(error.sessionId())) {
            shown.add(error.sessionId());
        }
        return List.copyOf(shown);
    }

    private static boolean started(BatchSession session, Instant now) {
        return !session.cancelled() && !session.startsAt().isAfter(now);
    }
}
