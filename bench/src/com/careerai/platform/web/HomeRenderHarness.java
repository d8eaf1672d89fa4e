package com.careerai.platform.web;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.credits.Balances;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityStatus;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders the signed-in home (views/home/dashboard in the layout) N times in one thread, with
 * Handlebars' own resolvers (A) and with {@link ModelValues} (B), interleaved A B B A, and prints µs and
 * allocated bytes a render (ThreadMXBean: counted, not moved by other load). The model has the real
 * page's shape and types (layout map, SignedInUser, University, Balances, nav maps, seven panels of
 * DashboardPanel records), filled with made-up values, on Handlebars as CompiledTemplates.configure
 * sets it up. Run: see bench/RESULTS.md, session 16, branch h27h.
 */
public final class HomeRenderHarness {
    public static void main(String[] args) throws IOException {
        int renders = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Handlebars handlebars = CompiledTemplates.configure(new Handlebars(new ClassPathTemplateLoader("/", ".hbs")));
        Template page = handlebars.compile("views/home/dashboard");
        Map<String, Object> model = model();
        Function<Object, Object> stock = m -> m;
        Function<Object, Object> modelValues = ModelValues::context;
        // Handlebars renders a Context as given; any other model gets its default resolvers
        if (!page.apply(stock.apply(model)).equals(page.apply(modelValues.apply(model)))) {
            throw new IllegalStateException("A and B render different pages");
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String[] order = {"A", "B", "B", "A", "A", "B", "B", "A"};
        for (int round = 0; round < 2; round++) {
            for (String label : order) {
                Function<Object, Object> context = label.equals("A") ? stock : modelValues;
                long bytes = threads.getCurrentThreadAllocatedBytes();
                long cpu = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < renders; i++) {
                    render(page, model, context);
                }
                cpu = threads.getCurrentThreadCpuTime() - cpu;
                bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
                System.out.printf(
                        "round %d %s: %.2f us CPU, %d bytes a render%n",
                        round, label, cpu / 1_000.0 / renders, bytes / renders);
            }
        }
    }

    private static void render(Template page, Map<String, Object> model, Function<Object, Object> context)
            throws IOException {
        Utf8PageWriter out = Utf8PageWriter.take();
        try {
            page.apply(context.apply(model), out);
        } finally {
            out.release();
        }
    }

    private static Map<String, Object> model() {
        Map<String, Object> layout = new HashMap<>();
        layout.put("baseDomain", "careerai.test");
        layout.put("path", "/");
        layout.put("siteName", "Northfield University");
        layout.put("brandColor", "#1F4E79");
        University university = new University(
                7L, "Northfield University", "northfield", List.of("northfield.ac.uk"), 10, 2,
                UniversityStatus.values()[0], "#1F4E79", null, null);
        layout.put("university", university);
        layout.put("user", new SignedInUser(7, 1001, "ada@northfield.ac.uk", "Ada Lovelace", Role.values()[0], true));
        layout.put("balances", new Balances(1_001, 3));
        layout.put("bell", Map.of("any", true, "shown", "3", "label", "Notifications, 3 unread"));
        layout.put("csrfToken", "0123456789abcdef0123456789abcdef");
        layout.put("homeUrl", "/");
        layout.put("initial", "A");
        List<Map<String, Object>> nav = new ArrayList<>();
        for (String section : List.of("Tools", "Learning", "Counselling", "Jobs", "Account")) {
            List<Map<String, Object>> children = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                children.add(Map.of("href", "/" + section.toLowerCase() + "/" + i, "label", section + " " + i));
            }
            Map<String, Object> item = new HashMap<>();
            item.put("label", section);
            item.put("children", children);
            item.put("active", section.equals("Tools"));
            nav.add(item);
        }
        layout.put("nav", nav);
        List<DashboardPanel.Panel> panels = new ArrayList<>();
        for (int p = 0; p < 7; p++) {
            List<DashboardPanel.Item> items = new ArrayList<>();
            for (int i = 0; i < (p == 6 ? 0 : 4); i++) {
                items.add(new DashboardPanel.Item(
                        "Job Pack — Data Analyst at Acme " + i,
                        i % 2 == 0 ? "Succeeded · 2 Dec 2026, 14:05" : null,
                        i % 3 == 0 ? null : "/runs/" + i,
                        i == 1 ? "Waiting" : null));
            }
            panels.add(new DashboardPanel.Panel(
                    "panel" + p, "Panel " + p, items, "Nothing here yet.", "/panel/" + p, "See all"));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("layout", layout);
        model.put("university", university);
        model.put("name", "Ada Lovelace");
        model.put("panels", panels);
        return model;
    }
}
