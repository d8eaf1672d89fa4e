package com.careerai.courses;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch page ({@code /batches/{id}}) for its active students, its instructor and staff: the
 * schedule in the viewer's zone, "Join" only while a session is joinable (the server decides; the
 * link is not on the page otherwise and {@code /sessions/{id}/join} checks again), recordings.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Hidden
class BatchPagesController {
    private final BatchAccess access;
    private final Courses courses;
    private final Sessions sessions;
    private final Assignments assignments;

    BatchPagesController(BatchAccess access, Courses courses, Sessions sessions, Assignments assignments) {
        this.access = access;
        this.courses = courses;
        this.sessions = sessions;
        this.assignments = assignments;
    }

    @Get(value = "/batches/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> batch(
            @CurrentUser SignedInUser user, @PathVariable long id, @Nullable @QueryValue String tz) {
        BatchAccess.Granted granted = access.require(user, id);
        return new ModelAndView<>("courses/batch", model(user, granted, tz, null));
    }

    @Get(
            value = "/sessions/{id}/join",
            produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    HttpResponse<?> join(@CurrentUser SignedInUser user, @PathVariable long id) {
        return HttpResponse.seeOther(URI.create(sessions.joinUrl(user, id)));
    }

    @Post(
            value = "/sessions/{id}/recording",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> recording(@CurrentUser SignedInUser user, @PathVariable long id, @Body Map<String, Object> form) {
        Object url = form.get("url");
        try {
            long batchId = sessions.setRecording(user, id, url == null ? "" : String.valueOf(url));
            return HttpResponse.seeOther(URI.create("/batches/" + batchId + "#session-" + id));
        } catch (CourseProblem e) {
            if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                throw e;
            }
            BatchAccess.SessionGranted granted = access.session(user, id);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>(
                            "courses/batch",
                            model(
                                    user,
                                    granted.granted(),
                                    null,
                                    Map.of(
                                            "session",
                                            id,
                                            "message",
                                            e.fields().getOrDefault("url", e.getMessage()),
                                            "value",
                                            String.valueOf(url)))));
        }
    }

    private Map<String, Object> model(
            SignedInUser user, BatchAccess.Granted granted, @Nullable String tz, @Nullable Map<String, Object> error) {
        Batch batch = granted.batch();
        ZoneId zone = CourseViews.zone(tz, batch.zone());
        Instant now = courses.now();
        List<Map<String, Object>> rows = courses.sessions(user.universityId(), batch.id()).stream()
                .map(session -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", session.id());
                    row.put("when", CourseViews.when(session.startsAt(), zone));
                    row.put("until", CourseViews.TIME.format(session.endsAt().atZone(zone)));
                    row.put("cancelled", session.cancelled());
                    row.put("moved", session.movedFrom() != null);
                    row.put("joinable", granted.mayJoin() && batch.meetingUrl() != null && session.joinableAt(now));
                    row.put("past", !session.endsAt().isAfter(now));
                    row.put("recordingUrl", session.recordingUrl());
                    row.put("teaches", granted.teaches());
                    if (error != null && error.get("session").equals(session.id())) {
                        row.put("error", error.get("message"));
                        row.put("value", error.get("value"));
                    }
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
}
