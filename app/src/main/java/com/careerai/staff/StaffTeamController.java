package com.careerai.staff;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.EmailAddresses;
import com.careerai.auth.Invitations;
import com.careerai.auth.People;
import com.careerai.auth.PeopleException;
import com.careerai.auth.Person;
import com.careerai.auth.Role;
import com.careerai.auth.SignInException;
import com.careerai.auth.SignedInUser;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /staff/team}: the university's staff and counsellors, managed by its staff: invite (an
 * invitation email), change a role, deactivate or reactivate. Audited by {@link People}; nobody
 * can act on themselves, and the last active staff member cannot be removed.
 */
@Controller("/staff/team")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class StaffTeamController {
    private static final String VIEW = "staff/team";

    @Serdeable
    record InviteForm(@Nullable String email, @Nullable String role) {}

    @Serdeable
    record RoleForm(@Nullable String role) {}

    private final People people;
    private final Invitations invitations;
    private final LayoutModel layout;

    StaffTeamController(People people, Invitations invitations, LayoutModel layout) {
        this.people = people;
        this.invitations = invitations;
        this.layout = layout;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(
            HttpRequest<?> request,
            @CurrentUniversity University university,
            @CurrentUser SignedInUser staff,
            @QueryValue @Nullable String notice) {
        // the team, its pending invitations and the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, people.teamPageReads(university.id()));
        Map<String, Object> model = model(university, staff);
        if (notice != null) {
            model.put("notice", noticeText(notice));
        }
        return new ModelAndView<>(VIEW, model);
    }

    @Post(uri = "/invite", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> invite(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @Body InviteForm form) {
        Map<String, String> errors = new HashMap<>();
        String email = null;
        try {
            email = EmailAddresses.parse(form.email());
        } catch (SignInException e) {
            errors.put("email", e.getMessage());
        }
        Role role = teamRole(form.role());
        if (role == null) {
            errors.put("role", "Choose staff or counsellor.");
        }
        if (!errors.isEmpty()) {
            Map<String, Object> model = model(university, staff);
            model.put("errors", errors);
            model.put("form", form);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(VIEW, model));
        }
        invitations.invite(university.id(), email, role, "user:" + staff.userId());
        return HttpResponse.seeOther(URI.create("/staff/team?notice=invited"));
    }

    @Post(uri = "/{id}/role", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> changeRole(
            @CurrentUniversity University university,
            @CurrentUser SignedInUser staff,
            @PathVariable String id,
            @Body RoleForm form) {
        Role role = teamRole(form.role());
        if (role == null) {
            return refused(university, staff, HttpStatus.UNPROCESSABLE_ENTITY, "Choose staff or counsellor.");
        }
        return act(
                university,
                staff,
                "role",
                () -> people.changeRole(university.id(), staff, StaffStudentsController.parseId(id), role));
    }

    @Post(uri = "/{id}/deactivate", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> deactivate(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @PathVariable String id) {
        long userId = StaffStudentsController.parseId(id);
        return act(
                university,
                staff,
                "deactivated",
                () -> people.deactivate(university.id(), staff, onTeam(university, userId)));
    }

    @Post(uri = "/{id}/reactivate", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> reactivate(
            @CurrentUniversity University university, @CurrentUser SignedInUser staff, @PathVariable String id) {
        long userId = StaffStudentsController.parseId(id);
        return act(
                university,
                staff,
                "reactivated",
                () -> people.reactivate(university.id(), staff, onTeam(university, userId)));
    }

    private long onTeam(University university, long userId) {
        boolean member = people.team(university.id()).stream().anyMatch(person -> person.id() == userId);
        if (!member) {
            throw StaffStudentsController.notFound();
        }
        return userId;
    }

    private HttpResponse<?> act(University university, SignedInUser staff, String notice, Supplier<Person> action) {
        try {
            action.get();
            return HttpResponse.seeOther(URI.create("/staff/team?notice=" + notice));
        } catch (PeopleException e) {
            return refused(university, staff, e.status(), e.getMessage());
        }
    }

    private HttpResponse<?> refused(University university, SignedInUser staff, HttpStatus status, String message) {
        Map<String, Object> model = model(university, staff);
        model.put("error", message);
        return HttpResponse.status(status).body(new ModelAndView<>(VIEW, model));
    }

    private Map<String, Object> model(University university, SignedInUser staff) {
        List<Person> team = people.team(university.id());
        Map<String, Object> model = new HashMap<>();
        model.put("university", university);
        model.put(
                "members",
                team.stream()
                        .map(person -> {
                            Map<String, Object> view = StudentViews.person(person);
                            view.put("you", person.id() == staff.userId());
                            view.put("staff", person.role() == Role.STAFF);
                            return view;
                        })
                        .toList());
        long staffCount =
                team.stream().filter(p -> p.role() == Role.STAFF && p.active()).count();
        long counsellorCount = team.stream()
                .filter(p -> p.role() == Role.COUNSELLOR && p.active())
                .count();
        model.put(
                "summary",
                Plural.of(staffCount, "active staff member") + " · " + Plural.of(counsellorCount, "active counsellor"));
        model.put(
                "invitations",
                people.pendingTeamInvitations(university.id()).stream()
                        .map(invitation -> Map.of(
                                "email", invitation.email(),
                                "role", invitation.role().name().toLowerCase(Locale.ROOT),
                                "expires", StaffDates.day(invitation.expiresAt())))
                        .toList());
        return model;
    }

    private static @Nullable Role teamRole(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw.trim().toUpperCase(Locale.ROOT)) {
            case "STAFF" -> Role.STAFF;
            case "COUNSELLOR" -> Role.COUNSELLOR;
            default -> null;
        };
    }

    private static String noticeText(String notice) {
        return switch (notice) {
            case "invited" -> "Invitation sent. They join the team at their first sign-in with that address.";
            case "role" -> "Role changed.";
            case "deactivated" -> "Deactivated: signed out everywhere, and they cannot sign in.";
            case "reactivated" -> "Reactivated: they can sign in again.";
            default -> "Done.";
        };
    }
}
