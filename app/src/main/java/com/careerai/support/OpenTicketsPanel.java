package com.careerai.support;

import com.careerai.platform.web.Plural;
import com.careerai.staff.StaffHomePanel;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The staff home's "Support tickets" figure: open tickets waiting for staff. */
@Singleton
class OpenTicketsPanel implements StaffHomePanel {
    private final Tickets tickets;

    OpenTicketsPanel(Tickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public Optional<Panel> panel(long universityId) {
        long open = tickets.openCount(universityId);
        return Optional.of(new Panel(
                "tickets",
                "Support tickets",
                Plural.of(open, "open ticket"),
                open > 0,
                "/staff/support?status=OPEN",
                open > 0 ? "Answer tickets" : "Open the queue"));
    }
}
