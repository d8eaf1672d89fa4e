package com.careerai.inbox;

import com.careerai.auth.User;
import com.careerai.notifications.Mail;
import com.careerai.notifications.MailTemplate;
import com.careerai.notifications.NoticeKind;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The email twin of an inbox entry, queued through {@link Mail} in the caller's transaction (the
 * one that inserted the entry), so an entry and its email commit together or not at all.
 */
@Singleton
class NotificationMails {
    static final String PREFERENCES_PATH = "/notifications/preferences";

    private final Mail mail;

    NotificationMails(Mail mail) {
        this.mail = mail;
    }

    void send(long universityId, User to, NoticeKind kind, String title, String body, @Nullable String link) {
        String path = PlainText.sitePathOrNull(link);
        mail.send(
                universityId,
                to.email(),
                MailTemplate.NOTIFICATION,
                Map.of(
                        "subject",
                        title,
                        "name",
                        to.displayName(),
                        "kindLabel",
                        kind.label(),
                        "title",
                        title,
                        "body",
                        body,
                        "bodyHtml",
                        PlainText.toHtml(body),
                        "link",
                        path == null ? "" : path,
                        "preferencesPath",
                        PREFERENCES_PATH),
                Map.of());
    }
}
