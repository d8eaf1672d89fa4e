package com.careerai.counselling;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.PageReads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code /appointments} and {@code /appointments/{id}}: the participants' view of an appointment,
 * with the Join button in its window, the calendar file, cancel, move, feedback and dispute; the
 * counsellor also records the outcome and keeps private notes here. Others get a 404.
 */
@Controller("/appointments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class AppointmentPagesController {

    @Serdeable
    record ActionForm(
            @Nullable String reason,
            @Nullable String start,
            @Nullable String rating,
            @Nullable String comment,
            @Nullable String status,
            @Nullable String body) {}

    private static final Map<String, String> NOTICES = Map.of(
            "cancelled-refunded", "Cancelled. Your payment was given back in full.",
            "cancelled", "Cancelled. This was too close to the start for a refund.",
            "moved", "Moved. Both of you have been emailed the updated invitation.",
            "rated", "Thank you for your feedback.",
            "disputed", "Your dispute was sent to the careers team.",
            "outcome", "Outcome recorded.",
            "noted", "Private note saved.");

    private final Appointments appointments;
    private final AfterSession afterSession;
    private final Counsellors counsellors;
    private final PageModels models;
    private final CounsellingClock clock;
    private final com.careerai.platform.web.ViewerZones zones;
    private final SharedResumes sharedResumes;
    private final LayoutModel layout;
    private final PageReads reads;

    AppointmentPagesController(
            Appointments appointments,
            AfterSession afterSession,
            Counsellors counsellors,
            PageModels models,
            CounsellingClock clock,
            com.careerai.platform.web.ViewerZones zones,
            SharedResumes sharedResumes,
            LayoutModel layout,
            PageReads reads) {
        this.layout = layout;
        this.reads = reads;
        this.sharedResumes = sharedResumes;
        this.zones = zones;
        this.appointments = appointments;
        this.afterSession = afterSession;
        this.counsellors = counsellors;
        this.models = models;
        this.clock = clock;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(
            HttpRequest<?> request, @CurrentUser SignedInUser user, @Nullable @QueryValue String tz) {
        boolean counsellor = user.role() == Role.COUNSELLOR;
        // the appointments with the header's reads in one round trip (ADR 0076), then their counsellors and
        // students once for both lists
        layout.prefetchWith(
                request, counsellor ? appointments.ofCounsellorReads(user) : List.of(appointments.ofStudentRead(user)));
        List<Appointment> mine = counsellor ? appointments.ofCounsellor(user) : appointments.ofStudent(user);
        ZoneId zone = PageModels.zone(tz, zones.zoneOf(user.universityId(), user.userId()));
        Instant now = clock.now();
        Map<Boolean, List<Appointment>> toCome = mine.stream()
                .collect(Collectors.partitioningBy(
                        a -> a.isActive() && a.endsAt().isAfter(now)));
        List<Appointment> upcoming = toCome.get(true);
        List<Appointment> both = new ArrayList<>(upcoming);
        both.addAll(toCome.get(false));
        List<Map<String, Object>> rows = models.appointments(both, zone, user.userId());
        Map<String, Object> model = new HashMap<>();
        model.put("counsellor", counsellor);
        model.put("upcoming", rows.subList(0, upcoming.size()));
        model.put("past", rows.subList(upcoming.size(), rows.size()));
        model.put("tz", zone.getId());
        return new ModelAndView<>("counselling/appointments", model);
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(
            HttpRequest<?> request,
            @CurrentUser SignedInUser user,
            @PathVariable String id,
            @Nullable @QueryValue String tz,
            @Nullable @QueryValue String booked,
            @Nullable @QueryValue String notice) {
        UUID appointmentId = Inputs.id(id);
        // the appointment with the header's reads in one round trip, then in one more what the page shows of it:
        // its counsellor, the student's name, the shared resume, what moving it needs, the counsellor's notes
        // (ADR 0076); they were 4 to 7 round trips, 1 or 2 of them read transactions
        layout.prefetchWith(request, List.of(appointments.findRead(user.universityId(), appointmentId)));
        Appointment appointment =
                appointments.findVisible(user, appointmentId).orElseThrow(CounsellingException::appointmentNotFound);
        boolean isStudent = user.userId() == appointment.studentId();
        boolean isCounsellor = user.userId() == appointment.counsellorId();
        boolean upcoming = appointment.isActive() && clock.now().isBefore(appointment.startsAt());
        List<PageRead<?>> shown = new ArrayList<>(models.appointmentReads(appointment));
        shown.addAll(
                sharedResumes.sharedReads(user.universityId(), appointment.studentId(), appointment.resumeRunId()));
        if (upcoming) {
            shown.addAll(counsellors.movingReads(user.universityId(), appointment.counsellorId()));
        }
        if (isCounsellor) {
            shown.addAll(afterSession.notesReads(user, appointment.studentId()));
        }
        reads.prefetch(shown);
        Counsellor counsellor = counsellors
                .find(user.universityId(), appointment.counsellorId())
                .orElseThrow();
        ZoneId zone = PageModels.zone(tz, counsellor.timeZone());
        Map<String, Object> model = new HashMap<>();
        model.put("appointment", models.appointment(appointment, zone, user.userId()));
        sharedResumes
                .shared(user.universityId(), appointment.studentId(), appointment.resumeRunId())
                .ifPresent(shared ->
                        model.put("sharedResume", Map.of("title", shared.title(), "resume", shared.resume())));
        model.put("isStudent", isStudent);
        model.put("isCounsellor", isCounsellor);
        model.put("isStaff", user.isStaff());
        model.put("booked", booked != null);
        model.put("notice", notice == null ? null : NOTICES.get(notice));
        model.put("tz", zone.getId());
        if (upcoming) {
            boolean inWindow = appointments.insideWindow(user.universityId(), appointment, clock.now());
            model.put("refundOnCancel", !isStudent || inWindow);
            model.put("canMove", !isStudent || inWindow);
            model.put("window", counsellors.rules(user.universityId()).cancellationWindowHours());
            model.put("moveSlots", moveSlots(user, appointment, counsellor, zone));
        }
        model.put("canRate", isStudent && appointment.status() == AppointmentStatus.COMPLETED);
        model.put("canDispute", isStudent && appointment.status() == AppointmentStatus.NO_SHOW);
        model.put(
                "canRecordOutcome",
                (isCounsellor || user.isStaff())
                        && appointment.status() == AppointmentStatus.CONFIRMED
                        && !clock.now().isBefore(appointment.startsAt()));
        if (isCounsellor) {
            model.put(
                    "notes",
                    afterSession.notes(user, appointment.studentId()).stream()
                            .map(n -> Map.of(
                                    "body",
                                    n.body(),
                                    "when",
                                    PageModels.WHEN.format(n.createdAt().atZone(zone))))
                            .toList());
        }
        return new ModelAndView<>("counselling/appointment", model);
    }

    private List<Map<String, Object>> moveSlots(
            SignedInUser user, Appointment appointment, Counsellor counsellor, ZoneId zone) {
        return counsellors
                .slots(
                        user.universityId(),
                        counsellor.userId(),
                        appointment.sessionType(),
                        clock.now(),
                        clock.now().plus(Duration.ofDays(14)))
                .stream()
                .limit(40)
                .map(slot -> Map.<String, Object>of(
                        "value",
                        ApiViews.iso(slot.start()),
                        "label",
                        PageModels.WHEN.format(slot.start().atZone(zone))))
                .toList();
    }

    @Post(value = "/{id}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> cancel(@CurrentUser SignedInUser user, @PathVariable String id, @Body ActionForm form) {
        Appointment cancelled = appointments.cancel(user, Inputs.id(id), form.reason());
        return back(id, cancelled.refunded() ? "cancelled-refunded" : "cancelled");
    }

    @Post(value = "/{id}/reschedule", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> reschedule(@CurrentUser SignedInUser user, @PathVariable String id, @Body ActionForm form) {
        appointments.reschedule(user, Inputs.id(id), Inputs.instant("start", form.start()));
        return back(id, "moved");
    }

    @Post(value = "/{id}/feedback", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> feedback(@CurrentUser SignedInUser user, @PathVariable String id, @Body ActionForm form) {
        afterSession.giveFeedback(user, Inputs.id(id), number(form.rating()), form.comment());
        return back(id, "rated");
    }

    @Post(value = "/{id}/dispute", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> dispute(@CurrentUser SignedInUser user, @PathVariable String id, @Body ActionForm form) {
        afterSession.dispute(user, Inputs.id(id), form.reason());
        return back(id, "disputed");
    }

    @Post(value = "/{id}/outcome", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> outcome(@CurrentUser SignedInUser user, @PathVariable String id, @Body ActionForm form) {
        AppointmentStatus status =
                "NO_SHOW".equals(form.status()) ? AppointmentStatus.NO_SHOW : AppointmentStatus.COMPLETED;
        appointments.recordOutcome(user, Inputs.id(id), status);
        return back(id, "outcome");
    }

    @Post(value = "/{id}/notes", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> note(@CurrentUser SignedInUser user, @PathVariable String id, @Body ActionForm form) {
        UUID appointmentId = Inputs.id(id);
        Appointment appointment = appointments
                .findVisible(user, appointmentId)
                .filter(a -> a.counsellorId() == user.userId())
                .orElseThrow(CounsellingException::appointmentNotFound);
        afterSession.addNote(user, appointment.studentId(), form.body());
        return back(id, "noted");
    }

    private static Integer number(@Nullable String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static HttpResponse<?> back(String id, String notice) {
        return HttpResponse.seeOther(URI.create("/appointments/" + id + "?notice=" + notice));
    }
}
