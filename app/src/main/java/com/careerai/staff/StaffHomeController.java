package com.careerai.staff;

import com.careerai.ai.RunService;
import com.careerai.auth.People;
import com.careerai.auth.StudentFigures;
import com.careerai.credits.Balances;
import com.careerai.credits.Wallets;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.Plural;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /staff}: the career office's home. This week's figures (each one aggregate query by the
 * module owning the table), what waits for staff (every {@link StaffHomePanel}) and a shortcut to
 * every staff page.
 */
@Controller("/staff")
@Secured("STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class StaffHomeController {
    static final Duration WEEK = Duration.ofDays(7);

    /** Every staff page, in the order the home lists them. */
    static final List<Map<String, String>> SHORTCUTS = List.of(
            shortcut(
                    "/staff/students",
                    "Students",
                    "Find a student, their credits, runs and appointments; invite students."),
            shortcut("/staff/team", "Team", "Staff and counsellors: invite, change roles, deactivate."),
            shortcut(
                    "/staff/credits",
                    "Credits",
                    "Default allowances, grants to every student, the monthly refill, the ledger audit."),
            shortcut("/staff/tools", "Tools", "Switch AI tools on or off for your students."),
            shortcut("/staff/purchases", "Purchases", "Whether students may buy credits and plans themselves."),
            shortcut("/staff/counsellors", "Counsellors", "Approve counsellor registrations."),
            shortcut("/staff/appointments", "Appointments", "Every appointment: filter, export, book on behalf."),
            shortcut(
                    "/staff/counselling",
                    "Booking rules",
                    "Cancellation window, no-show strikes, disputes, feedback."));

    private final People people;
    private final RunService runs;
    private final Wallets wallets;
    private final List<StaffHomePanel> panels;
    private final LayoutModel layout;

    StaffHomeController(
            People people, RunService runs, Wallets wallets, List<StaffHomePanel> panels, LayoutModel layout) {
        this.people = people;
        this.runs = runs;
        this.wallets = wallets;
        this.panels = panels;
        this.layout = layout;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> home(HttpRequest<?> request, @CurrentUniversity University university) {
        Instant since = Instant.now().minus(WEEK);
        // the week's figures, every panel's count and the header's reads in one round trip (ADR 0076); each
        // was a read transaction of its own (11 round trips)
        List<PageRead<?>> reads = new ArrayList<>(List.of(
                people.studentFiguresRead(university.id(), since),
                runs.countStartedSinceRead(university.id(), since),
                wallets.spentSinceRead(university.id(), since)));
        panels.forEach(panel -> reads.addAll(panel.reads(university.id())));
        layout.prefetchWith(request, reads);
        StudentFigures students = people.studentFigures(university.id(), since);
        long runCount = runs.countStartedSince(university.id(), since);
        Balances spent = wallets.spentSince(university.id(), since);
        Map<String, Object> model = new HashMap<>();
        model.put("university", university);
        model.put(
                "figures",
                List.of(
                        figure("students", Plural.of(students.total(), "student"), "in total"),
                        figure("joined", Plural.of(students.joined(), "student"), "signed up in the last 7 days"),
                        figure("active", Plural.of(students.active(), "student"), "signed in in the last 7 days"),
                        figure("runs", Plural.of(runCount, "run"), "of AI tools in the last 7 days"),
                        figure(
                                "credits",
                                spent.silver() + " silver · " + spent.gold() + " gold",
                                "credits spent in the last 7 days")));
        model.put(
                "panels",
                panels.stream()
                        .map(panel -> panel.panel(university.id()))
                        .flatMap(Optional::stream)
                        .toList());
        model.put("shortcuts", SHORTCUTS);
        return new ModelAndView<>("staff/home", model);
    }

    private static Map<String, String> figure(String key, String value, String label) {
        return Map.of("key", key, "value", value, "label", label);
    }

    private static Map<String, String> shortcut(String href, String title, String description) {
        return Map.of("href", href, "title", title, "description", description);
    }
}
