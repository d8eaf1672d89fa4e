package com.careerai.inbox;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.DashboardPanel;
import com.careerai.platform.web.Dates;
import com.careerai.platform.web.Plural;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Dashboard panel 70: the newest unread notifications (one query, which also counts unread for the bell). */
@Singleton
class UnreadNotificationsPanel implements DashboardPanel {
    static final int SHOWN = 5;

    private final Inbox inbox;

    UnreadNotificationsPanel(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public List<PageRead<?>> reads(long universityId, long userId, ZoneId zone) {
        return List.of(inbox.newestUnreadRead(universityId, userId, SHOWN));
    }

    @Override
    public Optional<Panel> panel(long universityId, long userId, ZoneId zone) {
        InboxPage unread = inbox.newestUnread(universityId, userId, SHOWN);
        return Optional.of(new Panel(
                "notifications",
                unread.unread() == 0
                        ? "Notifications"
                        : "Notifications · " + Plural.of(unread.unread(), "unread", "unread"),
                unread.notifications().stream()
                        .map(n -> new Item(n.title(), Dates.moment(n.createdAt(), zone), "/notifications", null))
                        .toList(),
                "Nothing new. We will tell you here when a run finishes or your careers team writes.",
                "/notifications",
                "All notifications"));
    }
}
