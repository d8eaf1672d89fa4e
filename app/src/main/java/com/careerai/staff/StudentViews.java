package com.careerai.staff;

import com.careerai.auth.PeoplePage;
import com.careerai.auth.Person;
import com.careerai.auth.StudentSearch;
import com.careerai.platform.web.Plural;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns people, searches and student records into what the staff templates show. */
final class StudentViews {
    private StudentViews() {}

    static Map<String, Object> person(Person person) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", person.id());
        view.put("name", person.displayName());
        view.put("email", person.email());
        view.put("role", person.role().name().toLowerCase(java.util.Locale.ROOT));
        view.put("joined", StaffDates.day(person.createdAt()));
        view.put("lastSignIn", StaffDates.moment(person.lastSignInAt()));
        view.put("active", person.active());
        view.put("deactivatedOn", StaffDates.day(person.deactivatedAt()));
        view.put("pro", person.pro());
        return view;
    }

    static Map<String, Object> results(PeoplePage page, StudentSearch search) {
        Map<String, Object> view = new HashMap<>();
        view.put("students", page.people().stream().map(StudentViews::person).toList());
        view.put("total", page.total());
        long first = page.total() == 0 ? 0 : (long) (page.page() - 1) * page.pageSize() + 1;
        long last = Math.min(page.total(), (long) page.page() * page.pageSize());
        view.put(
                "summary",
                page.total() <= page.pageSize()
                        ? Plural.of(page.total(), "student")
                        : first + "–" + last + " of " + Plural.of(page.total(), "student"));
        view.put("page", page.page());
        view.put("pages", page.pages());
        if (page.hasPrevious()) {
            view.put("previousUrl", url(search, page.page() - 1));
        }
        if (page.hasNext()) {
            view.put("nextUrl", url(search, page.page() + 1));
        }
        return view;
    }

    /** The search form's fields, each option marked when chosen. */
    static Map<String, Object> form(StudentSearch search) {
        Map<String, Object> view = new HashMap<>();
        view.put("text", search.text());
        view.put(
                "joined",
                options(
                        search.joined(),
                        List.of("any", "Any time", "week", "In the last 7 days", "month", "In the last 30 days")));
        view.put(
                "activity",
                options(
                        search.activity(),
                        List.of(
                                "any",
                                "Any",
                                "week",
                                "Signed in in the last 7 days",
                                "month",
                                "Signed in in the last 30 days",
                                "dormant",
                                "Not signed in for 30 days")));
        view.put("plan", options(search.plan(), List.of("any", "Any", "pro", "On a plan", "free", "No plan")));
        view.put(
                "status",
                options(search.status(), List.of("any", "Any", "active", "Active", "deactivated", "Deactivated")));
        view.put(
                "filtered",
                !search.text().isEmpty()
                        || !search.joined().equals("any")
                        || !search.activity().equals("any")
                        || !search.plan().equals("any")
                        || !search.status().equals("any"));
        return view;
    }

    private static List<Map<String, Object>> options(String chosen, List<String> valuesAndLabels) {
        List<Map<String, Object>> options = new java.util.ArrayList<>();
        for (int i = 0; i < valuesAndLabels.size(); i += 2) {
            String value = valuesAndLabels.get(i);
            options.add(Map.of("value", value, "label", valuesAndLabels.get(i + 1), "selected", value.equals(chosen)));
        }
        return options;
    }

    /** A page of the same search, as an HTML attribute value (the {@code &} already escaped). */
    static String url(StudentSearch search, int page) {
        return "/staff/students?q=" + encode(search.text()) + "&amp;joined=" + search.joined() + "&amp;activity="
                + search.activity() + "&amp;plan=" + search.plan() + "&amp;status=" + search.status() + "&amp;page="
                + page;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
