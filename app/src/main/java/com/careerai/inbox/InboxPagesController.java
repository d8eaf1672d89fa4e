package com.careerai.inbox;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.notifications.NoticeKind;
import com.careerai.platform.web.LayoutModel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /notifications}: the signed-in person's inbox (newest first, paged, mark one or all read)
 * and {@code /notifications/preferences} (per kind: in the app only, or also by email).
 */
@Controller("/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class InboxPagesController {
    private final Inbox inbox;
    private final NotificationPreferences preferences;
    private final com.careerai.platform.web.ViewerZones zones;

    private final LayoutModel layout;

    InboxPagesController(
            Inbox inbox,
            NotificationPreferences preferences,
            com.careerai.platform.web.ViewerZones zones,
            LayoutModel layout) {
        this.layout = layout;
        this.zones = zones;
        this.inbox = inbox;
        this.preferences = preferences;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(
            HttpRequest<?> request,
            @CurrentUser SignedInUser user,
            @QueryValue(defaultValue = "1") int page,
            @QueryValue(defaultValue = "false") boolean unread) {
        // the page's rows, the unread count and the header's reads in one round trip (ADR 0076)
        layout.prefetchWith(request, inbox.pageReads(user.universityId(), user.userId(), unread, page));
        InboxPage inboxPage = inbox.page(user.universityId(), user.userId(), unread, page);
        java.time.ZoneId zone = zones.zoneOf(user.universityId(), user.userId());
        Map<String, Object> model = new HashMap<>();
        model.put(
                "notifications",
                inboxPage.notifications().stream()
                        .map(notification -> InboxViews.page(notification, zone))
                        .toList());
        model.put("page", inboxPage.page());
        model.put("unreadOnly", unread);
        // null when none: templates treat it as "nothing unread"
        model.put("unread", inboxPage.unread() == 0 ? null : inboxPage.unread());
        String filter = unread ? "&unread=true" : "";
        model.put("previous", inboxPage.page() > 1 ? "/notifications?page=" + (inboxPage.page() - 1) + filter : null);
        model.put("next", inboxPage.hasMore() ? "/notifications?page=" + (inboxPage.page() + 1) + filter : null);
        return new ModelAndView<>("inbox/notifications", model);
    }

    @Post(value = "/{id}/read", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> read(@CurrentUser SignedInUser user, @PathVariable long id, @Body Map<String, String> form) {
        inbox.markRead(user.universityId(), user.userId(), id);
        return HttpResponse.seeOther(URI.create(back(form.get("page"))));
    }

    /** Opens an entry's link, marking it read on the way. */
    @Post(value = "/{id}/open", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> open(@CurrentUser SignedInUser user, @PathVariable long id) {
        Notification notification = inbox.markRead(user.universityId(), user.userId(), id);
        String link = PlainText.sitePathOrNull(notification.link());
        return HttpResponse.seeOther(URI.create(link == null ? "/notifications" : link));
    }

    @Post(value = "/read-all", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> readAll(@CurrentUser SignedInUser user) {
        inbox.markAllRead(user.universityId(), user.userId());
        return HttpResponse.seeOther(URI.create("/notifications"));
    }

    @Get(value = "/preferences", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> preferencesPage(
            @CurrentUser SignedInUser user, @QueryValue @Nullable String saved) {
        Map<String, Object> model = new HashMap<>();
        model.put("kinds", InboxViews.preferences(preferences.of(user.universityId(), user.userId())));
        model.put("saved", saved != null);
        return new ModelAndView<>("inbox/preferences", model);
    }

    /** The form sends {@code email_<KIND>=on} for every kind to email; every other kind stays in the app. */
    @Post(value = "/preferences", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> savePreferences(@CurrentUser SignedInUser user, @Body Map<String, String> form) {
        Map<NoticeKind, Delivery> choices = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            choices.put(kind, form.containsKey("email_" + kind.name()) ? Delivery.IN_APP_AND_EMAIL : Delivery.IN_APP);
        }
        preferences.change(user.universityId(), user.userId(), choices);
        return HttpResponse.seeOther(URI.create("/notifications/preferences?saved=1"));
    }

    private static String back(@Nullable String page) {
        if (page != null && page.matches("[1-9][0-9]{0,5}")) {
            return "/notifications?page=" + page;
        }
        return "/notifications";
    }
}
