package com.careerai.staff;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.People;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.StudentSearch;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.Plural;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
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
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /staff/students}: every student of the university, searched and filtered in SQL and
 * paged; a student's page (balances, ledger, runs, appointments) with deactivate / reactivate;
 * and inviting students from a pasted or uploaded list of addresses, all or nothing.
 */
@Controller("/staff/students")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class StaffStudentsController {

    @Serdeable
    record InviteForm(@Nullable String addresses) {}

    private final People people;
    private final StudentRecord records;
    private final StudentInvitations invitations;
    private final LayoutModel layout;

    StaffStudentsController(People people, StudentRecord records, StudentInvitations invitations, LayoutModel layout) {
        this.people = people;
        this.records = records;
        this.invitations = invitations;
        this.layout = layout;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(
            HttpRequest<?> request,
            @CurrentUniversity University university,
            @QueryValue @Nullable String q,
            @QueryValue @Nullable String joined,
            @QueryValue @Nullable String activity,
            @QueryValue @Nullable String plan,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable Integer page,
            @QueryValue @Nullable Integer invited,
            @QueryValue @Nullable Integer skipped) {
        StudentSearch search = StudentSearch.of(q, joined, activity, plan, status);
        // the count, the page of students and the header's reads in one round trip (ADR 0076); they were a read
        // transaction of two statements, then the header's
        People.StudentsQuery query = people.studentsQuery(university.id(), search, page == null ? 1 : page);
        layout.prefetchWith(request, query.reads());
        Map<String, Object> model = new HashMap<>();
        model.put("university", university);
        model.put("search", StudentViews.form(search));
        model.put("results", StudentViews.results(people.students(query), search));
        if (invited != null) {
            String notice = Plural.of(invited, "invitation") + " sent";
            if (skipped != null && skipped > 0) {
                notice += "; " + Plural.of(skipped, "address", "addresses") + " already had an account and "
                        + (skipped == 1 ? "was" : "were") + " left alone";
            }
            model.put("notice", notice + ".");
        }
        return new ModelAndView<>("staff/students", model);
    }

    @Get(uri = "/invite", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> inviteForm(@CurrentUniversity University university) {
        Map<String, Object> model = new HashMap<>();
        model.put("university", university);
        model.put("max", AddressList.MAX_ADDRESSES);
        return new ModelAndView<>("staff/invite-students", model);
    }

    @Post(uri = "/invite", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> invite(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @Body InviteForm form) {
        AddressList list = AddressList.parse(form.addresses());
        if (!list.valid()) {
            Map<String, Object> model = new HashMap<>();
            model.put("university", university);
            model.put("max", AddressList.MAX_ADDRESSES);
            model.put("addresses", form.addresses());
            model.put("problem", list.problem());
            model.put("badRows", list.badRows());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("staff/invite-students", model));
        }
        StudentInvitations.Result result = invitations.invite(university.id(), staff, list);
        return HttpResponse.seeOther(URI.create("/staff/students?invited="
                + result.invited().size() + "&skipped=" + result.skipped().size()));
    }

    @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> student(
            HttpRequest<?> request,
            @CurrentUniversity University university,
            @PathVariable String id,
            @QueryValue @Nullable Integer page,
            @QueryValue @Nullable String notice) {
        long studentId = parseId(id);
        int ledgerPage = page == null ? 1 : page;
        // the person, ledger, balances, runs and appointments with the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, records.reads(university.id(), studentId, ledgerPage));
        StudentRecord.View record =
                records.of(university.id(), studentId, ledgerPage).orElseThrow(StaffStudentsController::notFound);
        Map<String, Object> model = new HashMap<>();
        model.put("university", university);
        model.put("student", StudentViews.person(record.student()));
        model.put("record", record);
        model.put(
                "runs",
                record.runs().stream()
                        .map(run -> Map.of(
                                "tool", run.tool(),
                                "status", run.status().toLowerCase(java.util.Locale.ROOT),
                                "cost",
                                        run.cost() == 0
                                                ? "free"
                                                : run.cost() + " "
                                                        + run.currency().toLowerCase(java.util.Locale.ROOT),
                                "when", StaffDates.moment(run.createdAt())))
                        .toList());
        model.put("runCount", Plural.of(record.runCount(), "run"));
        model.put(
                "appointments",
                record.appointments().stream()
                        .map(appointment -> Map.of(
                                "id", appointment.id(),
                                "session", appointment.session(),
                                "counsellor", appointment.counsellor(),
                                "when", StaffDates.moment(appointment.startsAt()),
                                "status",
                                        appointment
                                                .status()
                                                .toLowerCase(java.util.Locale.ROOT)
                                                .replace('_', ' ')))
                        .toList());
        if (record.ledgerPage() > 1) {
            model.put(
                    "newerUrl",
                    "/staff/students/" + record.student().id() + "?page=" + (record.ledgerPage() - 1) + "#ledger");
        }
        if (record.ledgerPage() < record.ledgerPages()) {
            model.put(
                    "olderUrl",
                    "/staff/students/" + record.student().id() + "?page=" + (record.ledgerPage() + 1) + "#ledger");
        }
        if ("deactivated".equals(notice)) {
            model.put("notice", "Deactivated: they are signed out everywhere and cannot sign in.");
        } else if ("reactivated".equals(notice)) {
            model.put("notice", "Reactivated: they can sign in again.");
        }
        return new ModelAndView<>("staff/student", model);
    }

    @Post(uri = "/{id}/deactivate", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> deactivate(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @PathVariable String id) {
        long studentId = records.requireStudent(university.id(), id);
        people.deactivate(university.id(), staff, studentId);
        return HttpResponse.seeOther(URI.create("/staff/students/" + studentId + "?notice=deactivated"));
    }

    @Post(uri = "/{id}/reactivate", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> reactivate(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @PathVariable String id) {
        long studentId = records.requireStudent(university.id(), id);
        people.reactivate(university.id(), staff, studentId);
        return HttpResponse.seeOther(URI.create("/staff/students/" + studentId + "?notice=reactivated"));
    }

    static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound();
        }
    }

    static HttpStatusException notFound() {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "There is no such student here.");
    }
}
