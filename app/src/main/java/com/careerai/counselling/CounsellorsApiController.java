package com.careerai.counselling;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.counselling.ApiViews.CounsellorView;
import com.careerai.counselling.ApiViews.SlotsView;
import com.careerai.counselling.ApiViews.WaitlistBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Approved counsellors and their open slots. */
@Controller("/api/v1/counsellors")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Counselling")
class CounsellorsApiController {
    static final int MAX_DAYS = 62;

    private final Counsellors counsellors;
    private final Waitlist waitlist;
    private final CounsellingClock clock;

    CounsellorsApiController(Counsellors counsellors, Waitlist waitlist, CounsellingClock clock) {
        this.counsellors = counsellors;
        this.waitlist = waitlist;
        this.clock = clock;
    }

    @Get
    @Operation(summary = "Approved counsellors with their session types and rating")
    List<CounsellorView> list(@CurrentUser SignedInUser user) {
        return counsellors.approved(user.universityId()).stream()
                .map(CounsellorView::of)
                .toList();
    }

    @Get("/{id}")
    @Operation(summary = "One approved counsellor")
    CounsellorView get(@CurrentUser SignedInUser user, @PathVariable long id) {
        return counsellors
                .approved(user.universityId(), id)
                .map(CounsellorView::of)
                .orElseThrow(CounsellingException::counsellorNotFound);
    }

    @Get("/{id}/slots")
    @Operation(summary = "Open slots of a session type between two dates (inclusive), with offsets in tz")
    SlotsView slots(
            @CurrentUser SignedInUser user,
            @PathVariable long id,
            @Nullable @QueryValue String type,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String tz) {
        Counsellors.OpenSlots open = counsellors.slots(user.universityId(), id, counsellor -> {
            if (type == null || type.isBlank()) {
                throw CounsellingException.invalid("type", "Choose a session type.");
            }
            ZoneId zone = tz == null || tz.isBlank() ? counsellor.timeZone() : Inputs.zone("tz", tz);
            LocalDate first =
                    from == null || from.isBlank() ? clock.now().atZone(zone).toLocalDate() : Inputs.date("from", from);
            LocalDate last = to == null || to.isBlank() ? first.plusDays(6) : Inputs.date("to", to);
            if (last.isBefore(first)) {
                throw CounsellingException.invalid("to", "The end date must not be before the start date.");
            }
            if (last.isAfter(first.plusDays(MAX_DAYS))) {
                throw CounsellingException.invalid("to", "Ask for at most " + MAX_DAYS + " days at a time.");
            }
            return new Counsellors.SlotRequest(
                    type.strip(),
                    zone,
                    first.atStartOfDay(zone).toInstant(),
                    last.plusDays(1).atStartOfDay(zone).toInstant());
        });
        return new SlotsView(open.zone().getId(), new ApiViews.SlotList(open.slots(), open.zone()));
    }

    @Post("/{id}/waitlist")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Join a counsellor's waitlist (only when no slot is open in the booking window)")
    void joinWaitlist(@CurrentUser SignedInUser user, @PathVariable long id, @Body WaitlistBody body) {
        requireStudent(user);
        if (body.sessionType() == null || body.sessionType().isBlank()) {
            throw CounsellingException.invalid("sessionType", "Choose a session type.");
        }
        waitlist.join(user, id, body.sessionType().strip());
    }

    static void requireStudent(SignedInUser user) {
        if (user.role() != com.careerai.auth.Role.STUDENT) {
            throw CounsellingException.forbidden("Only students book counsellors.");
        }
    }
}
