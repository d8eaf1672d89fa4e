package com.careerai.counselling;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.LayoutModel;
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
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /counsellor}: today and upcoming sessions, past sessions to close, ratings; and
 * {@code /counsellor/students/{id}}: a student who booked this counsellor (nobody else's) with
 * the counsellor's private notes.
 */
@Controller("/counsellor")
@Secured("COUNSELLOR")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class CounsellorPanelController {
    /** The newest feedback the panel shows. */
    private static final int FEEDBACK_SHOWN = 20;

    private final Appointments appointments;
    private final Counsellors counsellors;
    private final AfterSession afterSession;
    private final PageModels models;
    private final UserAccounts users;
    private final CounsellingClock clock;
    private final LayoutModel layout;

    CounsellorPanelController(
            Appointments appointments,
            Counsellors counsellors,
            AfterSession afterSession,
            PageModels models,
            UserAccounts users,
            CounsellingClock clock,
            LayoutModel layout) {
        this.layout = layout;
        this.appointments = appointments;
        this.counsellors = counsellors;
        this.afterSession = afterSession;
        this.models = models;
        this.users = users;
        this.clock = clock;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> panel(
            HttpRequest<?> request,
            @CurrentUser SignedInUser user,
            @Nullable @QueryValue String tz,
            @Nullable @QueryValue String closed) {
        // the panel's reads and the header's in one round trip (ADR 0076)
        List<PageRead<?>> panel = new ArrayList<>(appointments.openOfCounsellorReads(user));
        panel.add(counsellors.findRead(user.universityId(), user.userId()));
        panel.add(afterSession.ratingsOfRead(user.universityId(), user.userId()));
        panel.add(afterSession.feedbackOfRead(user.universityId(), user.userId(), FEEDBACK_SHOWN));
        layout.prefetchWith(request, panel);
        Map<String, Object> model = new HashMap<>();
        model.put(
                "notice",
                closed == null
                        ? null
                        : "NO_SHOW".equals(closed)
                                ? "Recorded as a no-show."
                                : "Marked completed: the student can now rate the session.");
        Counsellor me = counsellors.find(user.universityId(), user.userId()).orElse(null);
        model.put(
                "profile",
                me == null
                        ? null
                        : Map.of(
                                "status",
                                me.status().name(),
                                "name",
                                me.name(),
                                "timeZone",
                                me.timeZone().getId()));
        ZoneId zone = PageModels.zone(tz, me == null ? ZoneId.of("UTC") : me.timeZone());
        Instant now = clock.now();
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Appointment> mine = appointments.openOfCounsellor(user);
        model.put(
                "today",
                models.appointments(
                        mine.stream()
                                .filter(a -> a.isActive()
                                        && a.startsAt()
                                                .atZone(zone)
                                                .toLocalDate()
                                                .equals(today))
                                .toList(),
                        zone,
                        user.userId()));
        model.put(
                "upcoming",
                models.appointments(
                        mine.stream()
                                .filter(a -> a.isActive()
                                        && a.startsAt()
                                                .atZone(zone)
                                                .toLocalDate()
                                                .isAfter(today))
                                .toList(),
                        zone,
                        user.userId()));
        model.put(
                "toClose",
                models.appointments(
                        mine.stream()
                                .filter(a -> a.status() == AppointmentStatus.CONFIRMED && !now.isBefore(a.startsAt()))
                                .toList(),
                        zone,
                        user.userId()));
        RatingSummary rating = afterSession.ratingsOf(user.universityId(), user.userId());
        model.put("rating", rating);
        model.put("ratingCount", com.careerai.platform.web.Plural.of(rating.count(), "rating"));
        java.util.List<Map<String, Object>> stars = new java.util.ArrayList<>();
        for (int star = 5; star >= 1; star--) {
            int given = rating.distribution().get(star - 1);
            stars.add(Map.of(
                    "star", star,
                    "count", given,
                    "percent", rating.count() == 0 ? 0 : Math.round(100.0 * given / rating.count())));
        }
        model.put("stars", stars);
        model.put(
                "trend",
                rating.trend().stream()
                        .skip(Math.max(0, rating.trend().size() - 6))
                        .map(month -> Map.of(
                                "month",
                                        java.time.YearMonth.parse(month.month())
                                                .format(java.time.format.DateTimeFormatter.ofPattern(
                                                        "MMM yyyy", java.util.Locale.UK)),
                                "average", month.average(),
                                "count", month.count()))
                        .toList());
        model.put(
                "feedback",
                afterSession.feedbackOf(user.universityId(), user.userId(), FEEDBACK_SHOWN).stream()
                        .map(f -> Map.of(
                                "rating", f.rating(), "comment", f.hidden() || f.comment() == null ? "" : f.comment()))
                        .toList());
        model.put("tz", zone.getId());
        return new ModelAndView<>("counselling/panel", model);
    }

    @Get(value = "/students/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> student(
            HttpRequest<?> request, @CurrentUser SignedInUser user, @PathVariable long id) {
        // whether they met, the notes, their appointments, the student and the counsellor named on them, with the
        // header's reads in one round trip (ADR 0076); they were 6 and a read transaction
        List<PageRead<?>> page = new ArrayList<>(afterSession.notesReads(user, id));
        page.add(appointments.ofCounsellorWithRead(user, id));
        page.addAll(users.findAllOnceReads(user.universityId(), List.of(id)));
        page.addAll(counsellors.findOnceReads(user.universityId(), List.of(user.userId())));
        layout.prefetchWith(request, page);
        afterSession.requireMet(user, id);
        User student = users.find(user.universityId(), id).orElseThrow(CounsellingException::appointmentNotFound);
        Map<String, Object> model = new HashMap<>();
        model.put("student", Map.of("name", student.displayName(), "email", student.email()));
        model.put(
                "notes",
                afterSession.notes(user, id).stream()
                        .map(n -> Map.of(
                                "body",
                                n.body(),
                                "when",
                                PageModels.WHEN.format(n.createdAt().atZone(ZoneId.of("UTC")))))
                        .toList());
        model.put(
                "appointments",
                models.appointments(appointments.ofCounsellorWith(user, id), ZoneId.of("UTC"), user.userId()));
        return new ModelAndView<>("counselling/student", model);
    }

    @Serdeable
    record OutcomeForm(@Nullable String status) {}

    /** Closes a past session straight from the panel's "To close" list. */
    @Post(
            value = "/appointments/{id}/outcome",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> outcome(@CurrentUser SignedInUser user, @PathVariable String id, @Body OutcomeForm form) {
        AppointmentStatus status =
                "NO_SHOW".equals(form.status()) ? AppointmentStatus.NO_SHOW : AppointmentStatus.COMPLETED;
        appointments.recordOutcome(user, Inputs.id(id), status);
        return HttpResponse.seeOther(URI.create("/counsellor?closed=" + status.name()));
    }
}
