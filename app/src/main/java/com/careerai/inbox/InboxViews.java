package com.careerai.inbox;

import com.careerai.notifications.NoticeKind;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How inbox entries look in pages and in the JSON API. */
final class InboxViews {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private InboxViews() {}

    static String when(@Nullable Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** One entry for a page: the body as escaped HTML with links, the link only when it stays on the site. */
    static Map<String, Object> page(Notification notification) {
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
        view.put("when", when(notification.createdAt()));
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
