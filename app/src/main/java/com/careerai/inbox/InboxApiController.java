package com.careerai.inbox;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.inbox.InboxViews.InboxPageView;
import com.careerai.inbox.InboxViews.NotificationView;
import com.careerai.inbox.InboxViews.ReadAllView;
import com.careerai.notifications.NoticeKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inbox and notification preferences as JSON. Another user's (or university's) notification is
 * a 404.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Notifications")
class InboxApiController {
    private final Inbox inbox;
    private final NotificationPreferences preferences;

    InboxApiController(Inbox inbox, NotificationPreferences preferences) {
        this.inbox = inbox;
        this.preferences = preferences;
    }

    @Get("/notifications")
    @Operation(summary = "My notifications, newest first, 20 a page (page from 1); unread=true for the unread ones")
    InboxPageView list(
            @CurrentUser SignedInUser user,
            @QueryValue(defaultValue = "false") boolean unread,
            @QueryValue(defaultValue = "1") int page) {
        return InboxPageView.of(inbox.page(user.universityId(), user.userId(), unread, page));
    }

    @Post("/notifications/{id}/read")
    @Operation(summary = "Mark one notification read (again is harmless); 404 when it is not mine")
    NotificationView read(@CurrentUser SignedInUser user, @PathVariable long id) {
        return NotificationView.of(inbox.markRead(user.universityId(), user.userId(), id));
    }

    @Post("/notifications/read-all")
    @Operation(summary = "Mark every notification read")
    ReadAllView readAll(@CurrentUser SignedInUser user) {
        int marked = inbox.markAllRead(user.universityId(), user.userId());
        return new ReadAllView(marked, inbox.unread(user.universityId(), user.userId()));
    }

    @Get("/me/notification-preferences")
    @Operation(summary = "Per kind: IN_APP or IN_APP_AND_EMAIL")
    Map<String, String> preferences(@CurrentUser SignedInUser user) {
        return view(preferences.of(user.universityId(), user.userId()));
    }

    @Put("/me/notification-preferences")
    @Operation(
            summary = "Change some kinds ({\"RUN\": \"IN_APP_AND_EMAIL\"}); kinds left out keep theirs;"
                    + " 422 naming unknown kinds or values")
    Map<String, String> changePreferences(@CurrentUser SignedInUser user, @Body @Nullable Map<String, Object> body) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<NoticeKind, Delivery> changes = new EnumMap<>(NoticeKind.class);
        if (body == null || body.isEmpty()) {
            problems.put("preferences", "Send at least one kind, e.g. {\"RUN\": \"IN_APP_AND_EMAIL\"}.");
        } else {
            body.forEach((key, value) -> {
                NoticeKind kind = parse(NoticeKind.class, key);
                Delivery delivery = value instanceof String text ? parse(Delivery.class, text) : null;
                if (kind == null) {
                    problems.put(
                            key, "Unknown kind: use one of " + java.util.Arrays.toString(NoticeKind.values()) + ".");
                } else if (delivery == null) {
                    problems.put(key, "Use IN_APP or IN_APP_AND_EMAIL.");
                } else {
                    changes.put(kind, delivery);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw InboxException.invalid(problems);
        }
        return view(preferences.change(user.universityId(), user.userId(), changes));
    }

    private static Map<String, String> view(Map<NoticeKind, Delivery> preferences) {
        Map<String, String> view = new LinkedHashMap<>();
        preferences.forEach((kind, delivery) -> view.put(kind.name(), delivery.name()));
        return view;
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
