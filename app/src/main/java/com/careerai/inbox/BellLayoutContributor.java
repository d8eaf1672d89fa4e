package com.careerai.inbox;

import com.careerai.auth.session.SignedInUsers;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.LayoutContributor;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Puts the bell in the header of every page a signed-in person sees: {@code layout.bell} with the
 * unread count (one count over a partial index of unread entries) and its label.
 */
@Singleton
class BellLayoutContributor implements LayoutContributor {
    private final Inbox inbox;

    BellLayoutContributor(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public List<PageRead<?>> reads(HttpRequest<?> request) {
        return SignedInUsers.current(request)
                .<List<PageRead<?>>>map(user -> List.of(inbox.unreadRead(user.universityId(), user.userId())))
                .orElse(List.of());
    }

    @Override
    public void contribute(HttpRequest<?> request, Map<String, Object> layout) {
        SignedInUsers.current(request).ifPresent(user -> {
            long unread = inbox.unread(user.universityId(), user.userId());
            layout.put(
                    "bell",
                    Map.of(
                            "any", unread > 0,
                            "shown", unread > 99 ? "99+" : Long.toString(unread),
                            "label",
                                    unread == 0
                                            ? "Notifications, none unread"
                                            : "Notifications, " + unread + " unread"));
        });
    }
}
