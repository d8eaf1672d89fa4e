package com.careerai.support;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import com.careerai.platform.web.Plural;
import com.careerai.staff.StaffHomePanel;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** The staff home's "Support tickets" figure: open tickets waiting for staff. */
@Singleton
class OpenTicketsPanel implements StaffHomePanel {
    private final Tickets tickets;
    private final PageReads reads;

    OpenTicketsPanel(Tickets tickets, PageReads reads) {
        this.tickets = tickets;
        this.reads = reads;
    }

    @Override
    public List<PageRead<?>> reads(long universityId) {
        return List.of(tickets.openCountRead(universityId));
    }

    @Override
    public Optional<Panel> panel(long universityId) {
        long open = reads.read(tickets.openCountRead(universityId));
        return Optional.of(new Panel(
                "tickets",
                "Support tickets",
                Plural.of(open, "open ticket"),
                open > 0,
                "/staff/support?status=OPEN",
                open > 0 ? "Answer tickets" : "Open the queue"));
    }
}
