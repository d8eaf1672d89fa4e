package com.careerai.counselling;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.VerifiedUsers;
import com.careerai.counselling.ApiViews.AppointmentView;
import com.careerai.counselling.ApiViews.BookingBody;
import com.careerai.counselling.ApiViews.CancelBody;
import com.careerai.counselling.ApiViews.DisputeBody;
import com.careerai.counselling.ApiViews.FeedbackBody;
import com.careerai.counselling.ApiViews.RescheduleBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;

/**
 * Appointments: book, list, read, cancel, move, calendar file, feedback, dispute. An appointment
 * the caller does not take part in (or of another university) is a 404.
 */
@Controller("/api/v1/appointments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Counselling")
class AppointmentsApiController {
    private final Appointments appointments;
    private final AfterSession afterSession;
    private final HttpHostResolver hosts;

    AppointmentsApiController(Appointments appointments, AfterSession afterSession, HttpHostResolver hosts) {
        this.appointments = appointments;
        this.afterSession = afterSession;
        this.hosts = hosts;
    }

    @Post
    @Operation(
            summary = "Book a slot: 201 (a card-priced session: PENDING with its checkoutUrl); 409 slot_taken,"
                    + " pay_by_card or stripe_required (the university's provider cannot pay experts); 422 not_a_slot;"
                    + " 402 not enough credits; 403 booking_blocked")
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<AppointmentView> book(HttpRequest<?> request, @CurrentUser SignedInUser user, @Body BookingBody body) {
        VerifiedUsers.require(user);
        CounsellorsApiController.requireStudent(user);
        if (body.counsellorId() == null) {
            throw CounsellingException.invalid("counsellorId", "Choose a counsellor.");
        }
        if (body.sessionType() == null || body.sessionType().isBlank()) {
            throw CounsellingException.invalid("sessionType", "Choose a session type.");
        }
        Appointments.Booked booked = appointments.book(
                user,
                user.userId(),
                new Appointments.BookingRequest(
                        body.counsellorId(),
                        body.sessionType().strip(),
                        Inputs.instant("start", body.start()),
                        body.note(),
                        Inputs.resumeRun(body.resumeRunId())),
                hosts.resolve(request));
        return HttpResponse.created(AppointmentView.of(booked.appointment(), booked.checkoutUrl()));
    }

    @Get
    @Operation(summary = "My appointments: a student's bookings, or a counsellor's sessions")
    List<AppointmentView> mine(@CurrentUser SignedInUser user) {
        List<Appointment> list =
                user.role() == Role.COUNSELLOR ? appointments.ofCounsellor(user) : appointments.ofStudent(user);
        return list.stream().map(AppointmentView::of).toList();
    }

    @Get("/{id}")
    @Operation(summary = "One appointment")
    AppointmentView get(@CurrentUser SignedInUser user, @PathVariable String id) {
        return AppointmentView.of(
                appointments.findVisible(user, Inputs.id(id)).orElseThrow(CounsellingException::appointmentNotFound));
    }

    @Post("/{id}/cancel")
    @Operation(summary = "Cancel; the answer says whether the payment was refunded")
    AppointmentView cancel(@CurrentUser SignedInUser user, @PathVariable String id, @Body CancelBody body) {
        return AppointmentView.of(appointments.cancel(user, Inputs.id(id), body.reason()));
    }

    @Post("/{id}/reschedule")
    @Operation(summary = "Move to another open slot of the same counsellor and session type")
    AppointmentView reschedule(@CurrentUser SignedInUser user, @PathVariable String id, @Body RescheduleBody body) {
        UUID appointmentId = Inputs.id(id);
        return AppointmentView.of(appointments.reschedule(user, appointmentId, Inputs.instant("start", body.start())));
    }

    @Get(
            uri = "/{id}/ics",
            produces = {AppointmentCalendar.CONTENT_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "The appointment as an iCalendar file")
    HttpResponse<String> ics(@CurrentUser SignedInUser user, @PathVariable String id) {
        UUID appointmentId = Inputs.id(id);
        return HttpResponse.ok(appointments.ics(user, appointmentId))
                .contentType(AppointmentCalendar.CONTENT_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"appointment-" + appointmentId + ".ics\"");
    }

    @Post("/{id}/feedback")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Rate a completed appointment (1-5) with an optional comment, once")
    void feedback(@CurrentUser SignedInUser user, @PathVariable String id, @Body FeedbackBody body) {
        afterSession.giveFeedback(user, Inputs.id(id), body.rating(), body.comment());
    }

    @Post("/{id}/dispute")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Dispute a no-show with a reason; staff resolve it")
    void dispute(@CurrentUser SignedInUser user, @PathVariable String id, @Body DisputeBody body) {
        afterSession.dispute(user, Inputs.id(id), body.reason());
    }
}
