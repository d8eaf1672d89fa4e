package com.careerai.counselling;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
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
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Staff pages: {@code /staff/counsellors} (approval queue, deactivation), {@code /staff/appointments}
 * (filter, CSV, book on a student's behalf, reassign) and {@code /staff/counselling} (booking rules,
 * blocks, disputes, feedback moderation).
 */
@Controller("/staff")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class StaffCounsellingController {
    private static final ZoneId UTC = ZoneOffset.UTC;

    @Serdeable
    record StaffForm(
            @Nullable String decision,
            @Nullable String reason,
            @Nullable String counsellorId,
            @Nullable String studentEmail,
            @Nullable String type,
            @Nullable String start,
            @Nullable String cancellationWindowHours,
            @Nullable String maxActiveBookings,
            @Nullable String noShowStrikeLimit,
            @Nullable String outcome,
            @Nullable String refund,
            @Nullable String resolution) {}

    private final Counsellors counsellors;
    private final Appointments appointments;
    private final AfterSession afterSession;
    private final PageModels models;
    private final UserAccounts users;
    private final LayoutModel layout;

    StaffCounsellingController(
            Counsellors counsellors,
            Appointments appointments,
            AfterSession afterSession,
            PageModels models,
            UserAccounts users,
            LayoutModel layout) {
        this.counsellors = counsellors;
        this.appointments = appointments;
        this.afterSession = afterSession;
        this.models = models;
        this.users = users;
        this.layout = layout;
    }

    @Get(value = "/counsellors", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> counsellorsPage(HttpRequest<?> request, @CurrentUser SignedInUser staff) {
        long universityId = staff.universityId();
        // the three lists, every rating's tally and the header's reads in one round trip (ADR 0076); they were
        // three read transactions, the tallies and the header's (8 round trips)
        layout.prefetchWith(
                request,
                List.of(
                        counsellors.withStatusRead(universityId, CounsellorStatus.PENDING),
                        counsellors.withStatusRead(universityId, CounsellorStatus.APPROVED),
                        counsellors.withStatusRead(universityId, CounsellorStatus.INACTIVE),
                        FeedbackStore.tallies(universityId)));
        Map<String, Object> model = new HashMap<>();
        model.put("pending", view(counsellors.withStatus(staff.universityId(), CounsellorStatus.PENDING)));
        Map<Long, FeedbackStore.Tally> ratings = afterSession.ratingsOfUniversity(staff.universityId());
        model.put(
                "approved",
                counsellors.withStatus(staff.universityId(), CounsellorStatus.APPROVED).stream()
                        .map(c -> {
                            Map<String, Object> row = new HashMap<>(row(c));
                            row.put("rating", ratingLine(ratings.getOrDefault(c.userId(), FeedbackStore.Tally.NONE)));
                            return row;
                        })
                        .toList());
        model.put("inactive", view(counsellors.withStatus(staff.universityId(), CounsellorStatus.INACTIVE)));
        return new ModelAndView<>("counselling/staff-counsellors", model);
    }

    private static List<Map<String, Object>> view(List<Counsellor> list) {
        return list.stream().map(StaffCounsellingController::row).toList();
    }

    private static Map<String, Object> row(Counsellor c) {
        return Map.of(
                "id", c.userId(),
                "name", c.name(),
                "email", c.email(),
                "bio", c.bio(),
                "expertise", String.join(", ", c.expertise()),
                "timeZone", c.timeZone().getId());
    }

    /** "4.3★ from 12 ratings", or "No ratings yet". */
    private static String ratingLine(FeedbackStore.Tally given) {
        return given.count() == 0
                ? "No ratings yet"
                : given.average() + "★ from " + com.careerai.platform.web.Plural.of(given.count(), "rating");
    }

    @Post(
            value = "/counsellors/{id}/decision",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> decide(@CurrentUser SignedInUser staff, @PathVariable long id, @Body StaffForm form) {
        CounsellorStatus decision;
        try {
            decision = CounsellorStatus.valueOf(
                    form.decision() == null ? "" : form.decision().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CounsellingException.invalid("decision", "Choose approve, reject or deactivate.");
        }
        counsellors.decide(staff, id, decision, form.reason());
        if (decision == CounsellorStatus.INACTIVE) {
            // future appointments are cancelled and refunded; both sides are emailed
            counsellors
                    .upcomingOf(staff.universityId(), id)
                    .forEach(a -> appointments.cancel(staff, a.id(), "The counsellor is no longer available"));
        }
        return HttpResponse.seeOther(URI.create("/staff/counsellors"));
    }

    @Get(
            value = "/appointments",
            produces = {MediaType.TEXT_HTML, "text/csv"})
    HttpResponse<?> appointmentsPage(
            HttpRequest<?> request,
            @CurrentUser SignedInUser staff,
            @Nullable @QueryValue String counsellor,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String format) {
        Long counsellorId = parseLong(counsellor);
        AppointmentStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = AppointmentStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                wanted = null;
            }
        }
        LocalDate fromDate = from == null || from.isBlank() ? null : Inputs.date("from", from);
        LocalDate toDate = to == null || to.isBlank() ? null : Inputs.date("to", to);
        AppointmentStore.Filter filter = new AppointmentStore.Filter(
                counsellorId,
                wanted,
                fromDate == null ? null : fromDate.atStartOfDay(UTC).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(UTC).toInstant());
        if (staff.isStaff()) {
            // the appointments, the counsellors to filter by and the header's reads in one round trip (ADR 0076)
            layout.prefetchWith(
                    request,
                    List.of(
                            appointments.forStaffRead(staff.universityId(), filter),
                            counsellors.withStatusRead(staff.universityId(), CounsellorStatus.APPROVED)));
        }
        List<Appointment> list = appointments.forStaff(staff, filter);
        List<Map<String, Object>> rows = models.appointments(list, UTC, staff.userId());
        if ("csv".equals(format)) {
            StringBuilder csv = new StringBuilder("id,start_utc,end_utc,status,session,counsellor,student,payment\n");
            for (int i = 0; i < list.size(); i++) {
                Appointment a = list.get(i);
                Map<String, Object> row = rows.get(i);
                csv.append(a.id())
                        .append(',')
                        .append(ApiViews.iso(a.startsAt()))
                        .append(',')
                        .append(ApiViews.iso(a.endsAt()))
                        .append(',')
                        .append(a.status())
                        .append(',')
                        .append(csvField(a.sessionName()))
                        .append(',')
                        .append(csvField((String) row.get("counsellorName")))
                        .append(',')
                        .append(csvField((String) row.get("studentName")))
                        .append(',')
                        .append(csvField((String) row.get("payment")))
                        .append('\n');
            }
            return HttpResponse.ok(csv.toString())
                    .contentType("text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"appointments.csv\"");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("appointments", rows);
        model.put(
                "counsellors",
                view(counsellors.withStatus(staff.universityId(), CounsellorStatus.APPROVED)).stream()
                        .map(c -> {
                            Map<String, Object> m = new HashMap<>(c);
                            m.put("selected", c.get("id").equals(counsellorId));
                            return m;
                        })
                        .toList());
        model.put(
                "statuses",
                java.util.Arrays.stream(AppointmentStatus.values())
                        .map(s -> Map.of("name", s.name(), "selected", s.name().equals(status)))
                        .toList());
        model.put("from", from);
        model.put("to", to);
        model.put(
                "query",
                "counsellor=" + (counsellorId == null ? "" : counsellorId) + "&status=" + (status == null ? "" : status)
                        + "&from=" + (from == null ? "" : from) + "&to=" + (to == null ? "" : to));
        return HttpResponse.ok(new ModelAndView<>("counselling/staff-appointments", model));
    }

    @Post(
            value = "/appointments/book",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.IO)
    HttpResponse<?> bookForStudent(@CurrentUser SignedInUser staff, @Body StaffForm form) {
        User student = users.findByEmail(staff.universityId(), form.studentEmail() == null ? "" : form.studentEmail())
                .orElseThrow(
                        () -> CounsellingException.invalid("studentEmail", "There is no student with this address."));
        Long counsellorId = parseLong(form.counsellorId());
        if (counsellorId == null) {
            throw CounsellingException.invalid("counsellorId", "Choose a counsellor.");
        }
        Appointment booked = appointments.book(
                staff,
                student.id(),
                new Appointments.BookingRequest(
                        counsellorId,
                        form.type() == null ? "" : form.type(),
                        Inputs.instant("start", form.start()),
                        null,
                        null));
        return HttpResponse.seeOther(URI.create("/appointments/" + booked.id()));
    }

    @Post(
            value = "/appointments/{id}/reassign",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> reassign(@CurrentUser SignedInUser staff, @PathVariable String id, @Body StaffForm form) {
        Long counsellorId = parseLong(form.counsellorId());
        if (counsellorId == null) {
            throw CounsellingException.invalid("counsellorId", "Choose a counsellor.");
        }
        appointments.reassign(staff, Inputs.id(id), counsellorId);
        return HttpResponse.seeOther(URI.create("/appointments/" + id));
    }

    @Get(value = "/counselling", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> rulesPage(@CurrentUser SignedInUser staff) {
        return new ModelAndView<>("counselling/staff-rules", rulesModel(staff, Map.of(), null));
    }

    private Map<String, Object> rulesModel(SignedInUser staff, Map<String, String> errors, @Nullable StaffForm form) {
        Map<String, Object> model = new HashMap<>();
        model.put("rules", counsellors.rules(staff.universityId()));
        model.put("errors", errors);
        model.put("values", form);
        model.put(
                "blocked",
                afterSession.blockedStudents(staff.universityId()).stream()
                        .map(id -> Map.of(
                                "id",
                                id,
                                "name",
                                users.find(staff.universityId(), id)
                                        .map(User::displayName)
                                        .orElse("#" + id)))
                        .toList());
        model.put(
                "disputes",
                afterSession.openDisputes(staff.universityId()).stream()
                        .map(d -> Map.of(
                                "appointmentId", d.appointmentId().toString(),
                                "reason", d.reason(),
                                "student",
                                        users.find(staff.universityId(), d.studentId())
                                                .map(User::displayName)
                                                .orElse("")))
                        .toList());
        model.put(
                "feedback",
                afterSession.allFeedback(staff.universityId()).stream()
                        .limit(100)
                        .map(f -> Map.of(
                                "appointmentId", f.appointmentId().toString(),
                                "rating", f.rating(),
                                "comment", f.comment() == null ? "" : f.comment(),
                                "hidden", f.hidden(),
                                "counsellor",
                                        counsellors
                                                .find(staff.universityId(), f.counsellorId())
                                                .map(Counsellor::name)
                                                .orElse("")))
                        .toList());
        return model;
    }

    @Post(
            value = "/counselling/rules",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> changeRules(@CurrentUser SignedInUser staff, @Body StaffForm form) {
        Map<String, String> errors = new HashMap<>();
        int window = whole(errors, "cancellationWindowHours", form.cancellationWindowHours(), 0, 720);
        int max = whole(errors, "maxActiveBookings", form.maxActiveBookings(), 1, 50);
        int limit = whole(errors, "noShowStrikeLimit", form.noShowStrikeLimit(), 1, 50);
        if (!errors.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("counselling/staff-rules", rulesModel(staff, errors, form)));
        }
        counsellors.changeRules(staff, new BookingRules(window, max, limit));
        return HttpResponse.seeOther(URI.create("/staff/counselling"));
    }

    @Post(
            value = "/counselling/students/{id}/lift",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> lift(@CurrentUser SignedInUser staff, @PathVariable long id) {
        afterSession.lift(staff, id);
        return HttpResponse.seeOther(URI.create("/staff/counselling"));
    }

    @Post(
            value = "/counselling/disputes/{id}",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> resolve(@CurrentUser SignedInUser staff, @PathVariable String id, @Body StaffForm form) {
        afterSession.resolve(
                staff, Inputs.id(id), "UPHELD".equals(form.outcome()), "on".equals(form.refund()), form.resolution());
        return HttpResponse.seeOther(URI.create("/staff/counselling"));
    }

    @Post(
            value = "/counselling/feedback/{id}/hide",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> hide(@CurrentUser SignedInUser staff, @PathVariable String id, @Body StaffForm form) {
        afterSession.hideComment(staff, Inputs.id(id), form.reason());
        return HttpResponse.seeOther(URI.create("/staff/counselling"));
    }

    private static int whole(Map<String, String> errors, String field, @Nullable String value, int min, int max) {
        try {
            int number = Integer.parseInt(value == null ? "" : value.strip());
            if (number < min || number > max) {
                errors.put(field, "Enter a whole number from " + min + " to " + max + ".");
            }
            return number;
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a whole number from " + min + " to " + max + ".");
            return 0;
        }
    }

    private static Long parseLong(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String csvField(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text; // no formulas in spreadsheets
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
