package com.careerai.staff;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.People;
import com.careerai.auth.PeoplePage;
import com.careerai.auth.Person;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.StudentSearch;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Staff JSON about students: the searchable list, one student's record, deactivation, invitations. */
@Controller("/api/v1/staff/students")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Staff: students")
class StaffStudentsApiController {

    /** Addresses one per line or as CSV rows, as on the invitation page. */
    @Serdeable
    record InvitationsRequest(@Nullable String addresses) {}

    @Serdeable
    record InvitationsResult(List<String> invited, List<String> skipped) {}

    private final People people;
    private final StudentRecord records;
    private final StudentInvitations invitations;

    StaffStudentsApiController(People people, StudentRecord records, StudentInvitations invitations) {
        this.people = people;
        this.records = records;
        this.invitations = invitations;
    }

    @Get
    @Operation(summary = "Students of the university, newest first, 25 a page (page from 1)")
    PeoplePage students(
            @CurrentUniversity University university,
            @QueryValue @Nullable String q,
            @QueryValue @Nullable String joined,
            @QueryValue @Nullable String activity,
            @QueryValue @Nullable String plan,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable Integer page) {
        return people.students(
                university.id(), StudentSearch.of(q, joined, activity, plan, status), page == null ? 1 : page);
    }

    @Get("/{id}")
    @Operation(summary = "One student: balances, a page of the ledger, recent runs and appointments")
    StudentRecord.View student(
            @CurrentUniversity University university, @PathVariable String id, @QueryValue @Nullable Integer page) {
        return records.of(university.id(), StaffStudentsController.parseId(id), page == null ? 1 : page)
                .orElseThrow(StaffStudentsController::notFound);
    }

    @Post("/{id}/deactivate")
    @Operation(summary = "Deactivate a student: every session ends now and sign-in is refused")
    Person deactivate(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @PathVariable String id) {
        return people.deactivate(university.id(), staff, records.requireStudent(university.id(), id));
    }

    @Post("/{id}/reactivate")
    @Operation(summary = "Let a deactivated student sign in again")
    Person reactivate(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @PathVariable String id) {
        return people.reactivate(university.id(), staff, records.requireStudent(university.id(), id));
    }

    @Post("/invitations")
    @Status(HttpStatus.CREATED)
    @Operation(
            summary = "Invite students by email, all or nothing",
            description = "A row that is not an address answers 422 naming each bad row in fields, and nobody is"
                    + " invited. Addresses that already have an account are returned as skipped.")
    InvitationsResult invite(
            @CurrentUniversity University university,
            @CurrentUser SignedInUser staff,
            @Body InvitationsRequest request) {
        AddressList list = AddressList.parse(request.addresses());
        if (!list.valid()) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("addresses", list.problem());
            list.badRows().forEach(row -> fields.put("row " + row.line(), row.text() + ": " + row.problem()));
            throw new InvalidInputException(fields);
        }
        StudentInvitations.Result result = invitations.invite(university.id(), staff, list);
        return new InvitationsResult(result.invited(), result.skipped());
    }
}
