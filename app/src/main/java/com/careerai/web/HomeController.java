package com.careerai.web;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.session.SignedInUsers;
import com.careerai.platform.config.CareerAiConfiguration;
import com.careerai.platform.web.DashboardPanel;
import com.careerai.platform.web.LayoutModel;
import com.careerai.platform.web.PersonalPage;
import com.careerai.platform.web.RequestExecutor;
import com.careerai.platform.web.ViewerZones;
import com.careerai.site.PlainText;
import com.careerai.site.SiteContent;
import com.careerai.tenancy.Tenants;
import com.careerai.tenancy.University;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public landing page on the bare base domain, and each university's home page: for a
 * signed-in student, their dashboard — every {@link DashboardPanel} bean, in order.
 *
 * <p>The dashboard and its layout (header balances, bell, deletion banner) are read on one connection
 * held for the whole page, where each panel and layout read used to check out a connection of its
 * own (issue 19). No transaction: nothing on the page writes, and at PostgreSQL's READ COMMITTED a
 * transaction gives its reads no common snapshot (each statement takes its own), so a BEGIN and a
 * COMMIT round trip would buy nothing. The services the panels call read with {@code @Connectable}
 * (they join this connection), never with a transaction of their own (ADR 0055).
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(RequestExecutor.NAME) // a signed-in home on the session check's pool thread (ADR 0073)
class HomeController {
    private final List<DashboardPanel> panels;
    private final ViewerZones zones;
    private final SiteContent site;
    private final CareerAiConfiguration configuration;
    private final LayoutModel layout;
    private final ConnectionOperations<Connection> connections;

    HomeController(
            List<DashboardPanel> panels,
            ViewerZones zones,
            SiteContent site,
            CareerAiConfiguration configuration,
            LayoutModel layout,
            ConnectionOperations<Connection> connections) {
        this.panels = panels.stream()
                .sorted(Comparator.comparingInt(DashboardPanel::order))
                .toList();
        this.zones = zones;
        this.site = site;
        this.configuration = configuration;
        this.layout = layout;
        this.connections = connections;
    }

    @Get(produces = MediaType.TEXT_HTML)
    @PersonalPage // the profile and interests come with the session check (ADR 0072)
    ModelAndView<Map<String, Object>> home(HttpRequest<?> request) {
        Optional<University> university = Tenants.current(request);
        Map<String, Object> model = new HashMap<>();
        if (university.isEmpty()) {
            return new ModelAndView<>("home/landing", model);
        }
        model.put("university", university.get());
        Optional<SignedInUser> student = SignedInUsers.current(request).filter(user -> user.role() == Role.STUDENT);
        if (student.isPresent()) {
            return connections.executeRead(status -> {
                dashboard(request, student.get(), model);
                // the layout on the same connection (LayoutModelProcessor leaves a model's own layout)
                model.put("layout", layout.forRequest(request));
                return new ModelAndView<>("home/dashboard", model);
            });
        }
        // Signed out (or staff, counsellor): the public home page, with the hero text staff wrote.
        String hero = site.texts(university.get().id()).heroText();
        model.put("hero", hero.isEmpty() ? null : PlainText.html(hero));
        model.put(
                "page",
                Map.of(
                        "title",
                        university.get().name() + " careers",
                        "siteName",
                        university.get().name() + " careers",
                        "description",
                        hero.isEmpty()
                                ? "Career tools, counsellors and courses from "
                                        + university.get().name() + "'s careers service."
                                : abbreviate(hero),
                        "canonical",
                        configuration.siteUrlOf(university.get().subdomain()) + "/"));
        return new ModelAndView<>("home/tenant", model);
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 160 ? line : line.substring(0, 157) + "…";
    }

    private Map<String, Object> dashboard(HttpRequest<?> request, SignedInUser student, Map<String, Object> model) {
        ZoneId zone = zones.zoneOf(student.universityId(), student.userId());
        model.put("name", student.displayName());
        // every panel's reads and the header's (the purchase offer's policy where payments are set up)
        // in one round trip, then each finds its own kept (ADR 0076)
        layout.prefetchWith(
                request,
                panels.stream()
                        .flatMap(panel -> panel.reads(student.universityId(), student.userId(), zone).stream())
                        .toList());
        model.put(
                "panels",
                panels.stream()
                        .map(panel -> panel.panel(student.universityId(), student.userId(), zone))
                        .flatMap(Optional::stream)
                        .toList());
        return model;
    }
}
