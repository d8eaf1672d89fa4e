package com.careerai.counselling;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.VerifiedUsers;
import com.careerai.billing.Plans;
import com.careerai.billing.Product.PlanIncludes;
import com.careerai.counselling.SlotGenerator.Slot;
import com.careerai.platform.data.PageRead;
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
import io.micronaut.http.server.util.HttpHostResolver;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The student's booking flow: {@code /counselling} (expertise → counsellor) and
 * {@code /counselling/book/{id}} (session type → slot → note → confirm and pay).
 */
@Controller("/counselling")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class BookingPagesController {
    static final int DAYS_SHOWN = 14;

    @Serdeable
    record BookingForm(
            @Nullable String type,
            @Nullable String start,
            @Nullable String note,
            @Nullable String tz,
            @Nullable String resumeRunId) {}

    private final Counsellors counsellors;
    private final Appointments appointments;
    private final PageModels models;
    private final CounsellingClock clock;
    private final Waitlist waitlist;
    private final Plans plans;
    private final SharedResumes sharedResumes;
    private final HttpHostResolver hosts;
    private final LayoutModel layout;

    BookingPagesController(
            Counsellors counsellors,
            Appointments appointments,
            PageModels models,
            CounsellingClock clock,
            Waitlist waitlist,
            Plans plans,
            SharedResumes sharedResumes,
            HttpHostResolver hosts,
            LayoutModel layout) {
        this.hosts = hosts;
        this.layout = layout;
        this.sharedResumes = sharedResumes;
        this.waitlist = waitlist;
        this.plans = plans;
        this.counsellors = counsellors;
        this.appointments = appointments;
        this.models = models;
        this.clock = clock;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> counsellors(
            HttpRequest<?> request, @CurrentUser SignedInUser user, @Nullable @QueryValue String expertise) {
        // the list's reads and the header's in one round trip (ADR 0076)
        layout.prefetchWith(request, counsellors.approvedReads(user.universityId()));
        List<Counsellors.Listed> all = counsellors.approved(user.universityId());
        List<String> tags = all.stream()
                .flatMap(l -> l.counsellor().expertise().stream())
                .distinct()
                .sorted()
                .toList();
        String chosen = expertise == null || expertise.isBlank()
                ? null
                : expertise.strip().toLowerCase(Locale.ROOT);
        Map<String, Object> model = new HashMap<>();
        model.put(
                "expertise",
                tags.stream()
                        .map(tag -> Map.of("tag", tag, "active", tag.equals(chosen)))
                        .toList());
        model.put("chosen", chosen);
        model.put(
                "counsellors",
                all.stream()
                        .filter(l ->
                                chosen == null || l.counsellor().expertise().contains(chosen))
                        .map(models::counsellor)
                        .toList());
        return new ModelAndView<>("counselling/counsellors", model);
    }

    @Get(value = "/book/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> booking(
            HttpRequest<?> request,
            @CurrentUser SignedInUser user,
            @PathVariable long id,
            @Nullable @QueryValue String type,
            @Nullable @QueryValue String tz) {
        // the counsellor, their session types and rating, the booking rules, the resumes the student may share
        // and the header's reads in one round trip (ADR 0076)
        List<PageRead<?>> page = new ArrayList<>(counsellors.bookingReads(user.universityId(), id, type != null));
        page.add(sharedResumes.optionsRead(user.universityId(), user.userId()));
        layout.prefetchWith(request, page);
        return new ModelAndView<>("counselling/book", bookingModel(user, id, type, tz, null, Map.of(), null));
    }

    @Post(value = "/book/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> book(
            HttpRequest<?> request, @CurrentUser SignedInUser user, @PathVariable long id, @Body BookingForm form) {
        try {
            VerifiedUsers.require(user);
            CounsellorsApiController.requireStudent(user);
            Appointments.Booked booked = appointments.book(
                    user,
                    user.userId(),
                    new Appointments.BookingRequest(
                            id,
                            form.type() == null ? "" : form.type(),
                            Inputs.instant("start", form.start()),
                            form.note(),
                            Inputs.resumeRun(form.resumeRunId())),
                    hosts.resolve(request));
            if (booked.checkoutUrl() != null) {
                return HttpResponse.seeOther(URI.create(booked.checkoutUrl())); // Stripe's page
            }
            return HttpResponse.seeOther(
                    URI.create("/appointments/" + booked.appointment().id() + "?booked=1"));
        } catch (CounsellingException e) {
            Map<String, String> errors = new HashMap<>(e.fields());
            if (errors.isEmpty()) {
                errors.put("start", e.getMessage());
            }
            HttpStatus status =
                    e.status() == HttpStatus.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY;
            if (status == HttpStatus.NOT_FOUND) {
                throw e;
            }
            return HttpResponse.status(status)
                    .body(new ModelAndView<>(
                            "counselling/book",
                            bookingModel(user, id, form.type(), form.tz(), form, errors, e.getMessage())));
        }
    }

    @Post(
            value = "/book/{id}/waitlist",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> joinWaitlist(@CurrentUser SignedInUser user, @PathVariable long id, @Body BookingForm form) {
        CounsellorsApiController.requireStudent(user);
        waitlist.join(user, id, form.type() == null ? "" : form.type());
        return HttpResponse.seeOther(URI.create("/appointments?waitlisted=1"));
    }

    private Map<String, Object> bookingModel(
            SignedInUser user,
            long id,
            @Nullable String type,
            @Nullable String tz,
            @Nullable BookingForm form,
            Map<String, String> errors,
            @Nullable String problem) {
        Counsellors.Listed listed =
                counsellors.approved(user.universityId(), id).orElseThrow(CounsellingException::counsellorNotFound);
        ZoneId zone = PageModels.zone(tz, listed.counsellor().timeZone());
        Map<String, Object> model = new HashMap<>();
        model.put("counsellor", models.counsellor(listed));
        model.put("tz", zone.getId());
        model.put("tzGiven", tz != null && !tz.isBlank());
        model.put("errors", errors);
        model.put("problem", problem);
        model.put("note", form == null ? "" : form.note());
        String sharedId = form == null ? null : form.resumeRunId();
        model.put(
                "resumes",
                sharedResumes.options(user.universityId(), user.userId(), zone).stream()
                        .map(option -> Map.of(
                                "id",
                                option.id(),
                                "label",
                                option.label(),
                                "selected",
                                option.id().equals(sharedId)))
                        .toList());
        model.put("window", counsellors.rules(user.universityId()).cancellationWindowHours());
        SessionType chosen = listed.sessionTypes().stream()
                .filter(t -> t.slug().equals(type))
                .findFirst()
                .orElse(null);
        model.put(
                "types",
                listed.sessionTypes().stream()
                        .map(t -> {
                            Map<String, Object> m = PageModels.sessionType(t);
                            m.put("chosen", chosen != null && chosen.id() == t.id());
                            return m;
                        })
                        .toList());
        if (chosen != null) {
            model.put("type", PageModels.sessionType(chosen));
            model.put("plan", chosen.included() ? planLine(plans.includes(user.universityId(), user.userId())) : null);
            Instant now = clock.now();
            LocalDate today = now.atZone(zone).toLocalDate();
            List<Slot> slots = counsellors.slots(
                    user.universityId(),
                    id,
                    chosen.slug(),
                    today.atStartOfDay(zone).toInstant(),
                    today.plusDays(DAYS_SHOWN).atStartOfDay(zone).toInstant());
            Map<LocalDate, List<Map<String, Object>>> days = new LinkedHashMap<>();
            String picked = form == null ? null : form.start();
            for (Slot slot : slots) {
                days.computeIfAbsent(slot.start().atZone(zone).toLocalDate(), d -> new ArrayList<>())
                        .add(Map.of(
                                "value", ApiViews.iso(slot.start()),
                                "label", PageModels.TIME.format(slot.start().atZone(zone)),
                                "checked", ApiViews.iso(slot.start()).equals(picked)));
            }
            List<Map<String, Object>> dayModels = new ArrayList<>();
            days.forEach(
                    (day, daySlots) -> dayModels.add(Map.of("label", PageModels.DAY.format(day), "slots", daySlots)));
            model.put("days", dayModels);
            model.put("noSlots", slots.isEmpty());
            // the waitlist is for a counsellor with no open slot in the whole booking window: a slot shown that
            // lies in it says so without working out the window's slots
            Instant windowEnd = now.plus(Duration.ofDays(listed.counsellor().bookingWindowDays()));
            boolean shownInWindow = slots.stream()
                    .anyMatch(
                            slot -> !slot.start().isBefore(now) && slot.start().isBefore(windowEnd));
            model.put(
                    "waitlistAllowed",
                    !shownInWindow
                            && counsellors
                                    .slots(user.universityId(), id, chosen.slug(), now, windowEnd)
                                    .isEmpty());
        }
        return model;
    }

    /** What the student's plan does for an included session, in words; null without plan sessions. */
    @Nullable
    static String planLine(PlanIncludes includes) {
        if (includes.unlimitedCounselling()) {
            return "Your plan includes unlimited sessions: this one costs you nothing.";
        }
        int sessions = includes.counsellingSessions();
        if (sessions > 0) {
            return "Your plan includes " + sessions + " session" + (sessions == 1 ? "" : "s")
                    + " a month; one is used first while any is left in the month of the session.";
        }
        return null;
    }
}
