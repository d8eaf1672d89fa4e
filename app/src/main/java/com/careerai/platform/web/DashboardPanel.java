package com.careerai.platform.web;

import com.careerai.platform.data.PageRead;
import io.micronaut.core.annotation.Nullable;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Extension point of the signed-in student's home (the dashboard at {@code /}): a feature with
 * something for the student (recent runs, upcoming appointments, their courses, recommended
 * resources, unread notifications) implements this as a bean and its panel appears on the home
 * page in {@link #order()}. Implementations ask their own module's tables (one bounded query each)
 * and return empty when the panel would say nothing useful; the page never loads rows to count.
 */
public interface DashboardPanel {

    /**
     * Position on the page, lower first: 10 balances, 20 next steps, 30 recent runs, 40
     * appointments, 50 courses, 60 recommended resources, 70 notifications.
     */
    int order();

    /** The panel for this student, dates already written in {@code zone}, or empty to show none. */
    Optional<Panel> panel(long universityId, long userId, ZoneId zone);

    /**
     * The reads {@link #panel} will make for this student, built by the services it calls: the home sends
     * every panel's in one round trip before it asks for the panels (ADR 0076). A read listed here that the
     * panel then does not ask for costs a statement in that round trip; one the panel asks for but does not
     * list costs a round trip of its own. None by default.
     */
    default List<PageRead<?>> reads(long universityId, long userId, ZoneId zone) {
        return List.of();
    }

    /**
     * One panel: a titled short list with a link to the full page.
     *
     * @param key stable name (a {@code data-panel} attribute for tests and styles)
     * @param title the panel's heading ("Upcoming appointments")
     * @param items at most a handful of rows
     * @param emptyText what to say when {@code items} is empty ("No appointments booked yet."), or null
     * @param href the full page ("/appointments"), or null
     * @param action the link's words ("All appointments"), or null
     */
    record Panel(
            String key,
            String title,
            List<Item> items,
            @Nullable String emptyText,
            @Nullable String href,
            @Nullable String action) {}

    /**
     * One row of a panel.
     *
     * @param label the row's main words ("Job Pack — Data Analyst at Acme")
     * @param detail a second line ("Succeeded · 2 Dec 2026, 14:05"), or null
     * @param href where the row leads, or null
     * @param badge a short status ("Waiting", "Live now"), or null
     */
    record Item(String label, @Nullable String detail, @Nullable String href, @Nullable String badge) {}
}
