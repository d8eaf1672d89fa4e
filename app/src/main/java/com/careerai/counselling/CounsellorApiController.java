package com.careerai.counselling;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.counselling.ApiViews.AppointmentView;
import com.careerai.counselling.ApiViews.AvailabilityView;
import com.careerai.counselling.ApiViews.OutcomeBody;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;

/** The signed-in counsellor's availability and session outcomes. */
@Controller("/api/v1/counsellor")
@Secured("COUNSELLOR")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Counselling")
class CounsellorApiController {
    private final Counsellors counsellors;
    private final Appointments appointments;

    CounsellorApiController(Counsellors counsellors, Appointments appointments) {
        this.counsellors = counsellors;
        this.appointments = appointments;
    }

    @Get("/availability")
    @Operation(summary = "My weekly hours, date overrides and booking settings")
    AvailabilityView availability(@CurrentUser SignedInUser user) {
        return AvailabilityView.of(counsellors.availabilityOf(user.universityId(), user.userId()));
    }

    @Put("/availability")
    @Operation(summary = "Replace my weekly hours, future overrides and booking settings")
    AvailabilityView changeAvailability(@CurrentUser SignedInUser user, @Body AvailabilityView body) {
        counsellors.changeAvailability(user, Inputs.availability(body));
        return availability(user);
    }

    @Post("/appointments/{id}/outcome")
    @Operation(summary = "Mark a started session COMPLETED or NO_SHOW")
    AppointmentView outcome(@CurrentUser SignedInUser user, @PathVariable String id, @Body OutcomeBody body) {
        AppointmentStatus status;
        try {
            status = AppointmentStatus.valueOf(
                    body.status() == null ? "" : body.status().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CounsellingException.invalid("status", "Choose COMPLETED or NO_SHOW.");
        }
        return AppointmentView.of(appointments.recordOutcome(user, Inputs.id(id), status));
    }
}
