package com.careerai.inbox;

import com.careerai.notifications.NoticeKind;
import com.careerai.platform.web.Dates;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How inbox entries look in pages and in the JSON API. */
final class InboxViews {
    private InboxViews() {}

    /** Staff pages schedule announcements in UTC, so they show them so: "2 Dec 2026, 14:05 UTC". */
    static String whenUtc(@Nullable Instant instant) {
        return instant == null ? "" : Dates.moment(instant, java.time.ZoneOffset.UTC) + " UTC";
    }

    /** A moment as every page writes it ({@link Dates}), in the viewer's zone. */
    static String when(@Nullable Instant instant, ZoneId zone) {
        return Dates.moment(instant, zone);
    }

    /** One entry for a page: the body as escaped HTML with links, the link only when it stays on the site. */
    static Map<String, Object> page(Notification notification, ZoneId zone) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", notification.id());
        view.put("kind", notification.kind().name());
        view.put("kindLabel", notification.kind().label());
        view.put("title", notification.title());
        view.put("bodyHtml", PlainText.toHtml(notification.body()));
        view.put("hasBody", !notification.body().isBlank());
        view.put("link", PlainText.sitePathOrNull(notification.link()));
        view.put("read", notification.read());
        view.put("important", notification.important());
        view.put("when", when(notification.createdAt(), zone));
        view.put("created", notification.createdAt().toString());
        return view;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NotificationView(
            long id,
            String kind,
            String title,
            String body,
            @Nullable String link,
            boolean important,
            boolean read,
            String createdAt,
            @Nullable String readAt) {
        static NotificationView of(Notification notification) {
            return new NotificationView(
                    notification.id(),
                    notification.kind().name(),
                    notification.title(),
                    notification.body(),
                    PlainText.sitePathOrNull(notification.link()),
                    notification.important(),
                    notification.read(),
                    notification.createdAt().toString(),
                    notification.readAt() == null ? null : notification.readAt().toString());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record InboxPageView(List<NotificationView> notifications, int page, int pageSize, boolean hasMore, long unread) {
        static InboxPageView of(InboxPage page) {
            return new InboxPageView(
                    page.notifications().stream().map(NotificationView::of).toList(),
                    page.page(),
                    page.pageSize(),
                    page.hasMore(),
                    page.unread());
        }
    }

    @Serdeable
    record ReadAllView(int marked, long unread) {}

    /** The preferences page's rows, one per kind. */
    static List<Map<String, Object>> preferences(Map<NoticeKind, Delivery> preferences) {
        return preferences.entrySet().stream()
                .map(entry -> Map.<String, Object>of(
                        "kind", entry.getKey().name(),
                        "label", entry.getKey().label(),
                        "email", entry.getValue().email(),
                        "defaultLabel",
                                NotificationPreferences.defaultFor(entry.getKey())
                                        .label()))
                .toList();
    }
}
