package com.careerai.web;

import com.careerai.auth.Role;
import com.careerai.auth.session.SignedInUsers;
import com.careerai.platform.web.LayoutContributor;
import com.careerai.tenancy.Tenants;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The header navigation, the one place it is built: what a signed-in person of this role can open. */
@Singleton
class NavigationContributor implements LayoutContributor {

    @Override
    public void contribute(HttpRequest<?> request, Map<String, Object> layout) {
        SignedInUsers.current(request).ifPresent(user -> {
            String path = request.getPath();
            List<Map<String, Object>> nav = new ArrayList<>();
            if (user.role() == Role.STAFF) {
                // Eighteen pages: a handful of groups keep the header on one line, at 375 px too.
                nav.add(Map.of("href", "/staff", "label", "Staff home", "active", path.equals("/staff")));
                group(
                        nav,
                        path,
                        "People",
                        List.of(
                                link("/staff/students", "Students"),
                                link("/staff/team", "Team"),
                                link("/staff/counsellors", "Counsellors"),
                                link("/staff/appointments", "Appointments")));
                group(
                        nav,
                        path,
                        "Learning",
                        List.of(
                                link("/staff/courses", "Courses"),
                                link("/staff/resources", "Resources"),
                                link("/staff/interests", "Interests"),
                                link("/staff/announcements", "Announcements"),
                                link("/staff/tools", "Tools")));
                group(
                        nav,
                        path,
                        "Money",
                        List.of(
                                link("/staff/payments", "Payments"),
                                link("/staff/credits", "Credits"),
                                link("/staff/referrals", "Referrals")));
                group(
                        nav,
                        path,
                        "Outreach",
                        List.of(
                                link("/staff/leads", "Leads"),
                                link("/staff/support", "Support"),
                                link("/staff/site", "Public site")));
                group(
                        nav,
                        path,
                        "Insight",
                        List.of(link("/staff/analytics", "Analytics"), link("/staff/audit", "Audit log")));
            } else if (user.role() == Role.COUNSELLOR) {
                add(nav, path, "/counsellor", "Panel");
                add(nav, path, "/appointments", "Appointments");
                add(nav, path, "/courses", "Courses");
                add(nav, path, "/resources", "Resources");
            } else if (user.role() == Role.STUDENT) {
                add(nav, path, "/tools", "Tools");
                add(nav, path, "/runs", "Runs");
                add(nav, path, "/counselling", "Counselling");
                add(nav, path, "/appointments", "Appointments");
                add(nav, path, "/courses", "Courses");
                add(nav, path, "/resources", "Resources");
                group(
                        nav,
                        path,
                        "Account",
                        List.of(
                                link("/wallet", "Wallet"),
                                link("/billing", "Billing"),
                                link("/referrals", "Refer a friend"),
                                link("/support", "Support"),
                                link("/profile", "Profile")));
            }
            layout.put("nav", nav);
        });
        if (SignedInUsers.current(request).isEmpty()) {
            // Signed out: the public pages of the university's site, or of the platform's own site.
            String path = request.getPath();
            List<Map<String, Object>> nav = new ArrayList<>();
            if (Tenants.current(request).isPresent()) {
                add(nav, path, "/services", "Services");
                add(nav, path, "/counsellors", "Counsellors");
                add(nav, path, "/courses", "Courses");
                add(nav, path, "/faq", "FAQ");
            } else {
                add(nav, path, "/about", "About");
                add(nav, path, "/pricing", "Pricing");
                add(nav, path, "/faq", "FAQ");
            }
            layout.put("nav", nav);
        }
    }

    private static void add(List<Map<String, Object>> nav, String path, String href, String label) {
        nav.add(Map.of("href", href, "label", label, "active", isAt(path, href)));
    }

    /** A menu of links under one label (a {@code <details>} in the header); active when one of them is. */
    private static void group(List<Map<String, Object>> nav, String path, String label, List<Link> links) {
        List<Map<String, Object>> children = new ArrayList<>();
        for (Link link : links) {
            add(children, path, link.href(), link.label());
        }
        boolean active = children.stream().anyMatch(child -> Boolean.TRUE.equals(child.get("active")));
        nav.add(Map.of("label", label, "children", children, "active", active));
    }

    private static Link link(String href, String label) {
        return new Link(href, label);
    }

    private record Link(String href, String label) {}

    private static boolean isAt(String path, String href) {
        return path.equals(href) || path.startsWith(href + "/");
    }
}
