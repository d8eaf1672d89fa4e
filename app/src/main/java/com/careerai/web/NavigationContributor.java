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
                nav.add(Map.of("href", "/staff", "label", "Staff home", "active", path.equals("/staff")));
                add(nav, path, "/staff/students", "Students");
                add(nav, path, "/staff/team", "Team");
                add(nav, path, "/staff/credits", "Credits");
                add(nav, path, "/staff/tools", "Tools");
                add(nav, path, "/staff/counsellors", "Counsellors");
                add(nav, path, "/staff/appointments", "Appointments");
                add(nav, path, "/staff/interests", "Interests");
                add(nav, path, "/staff/resources", "Resources");
                add(nav, path, "/staff/courses", "Courses");
                add(nav, path, "/staff/announcements", "Announcements");
                add(nav, path, "/staff/leads", "Leads");
                add(nav, path, "/staff/support", "Support");
                add(nav, path, "/staff/referrals", "Referrals");
                add(nav, path, "/staff/audit", "Audit log");
                add(nav, path, "/staff/site", "Public site");
                add(nav, path, "/staff/payments", "Payments");
                add(nav, path, "/staff/analytics", "Analytics");
            } else if (user.role() == Role.COUNSELLOR) {
                add(nav, path, "/counsellor", "Panel");
                add(nav, path, "/appointments", "Appointments");
                add(nav, path, "/courses", "Courses");
                add(nav, path, "/resources", "Resources");
            } else if (user.role() == Role.STUDENT) {
                add(nav, path, "/tools", "Tools");
                add(nav, path, "/runs", "Runs");
                add(nav, path, "/wallet", "Wallet");
                add(nav, path, "/billing", "Billing");
                add(nav, path, "/counselling", "Counselling");
                add(nav, path, "/appointments", "Appointments");
                add(nav, path, "/courses", "Courses");
                add(nav, path, "/resources", "Resources");
                add(nav, path, "/support", "Support");
                add(nav, path, "/referrals", "Refer a friend");
                add(nav, path, "/profile", "Profile");
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
        nav.add(Map.of("href", href, "label", label, "active", path.equals(href) || path.startsWith(href + "/")));
    }
}
