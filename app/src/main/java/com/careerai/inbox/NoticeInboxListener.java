package com.careerai.inbox;

import com.careerai.auth.UserAccounts;
import com.careerai.notifications.NoticePublished;
import com.careerai.platform.outbox.RecordingTransactionListener;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a published notice into its user's inbox, once per event (the entry is unique by event id,
 * and the outbox records this listener's delivery in the same transaction), and queues its email
 * in that transaction when the notice is important and the user wants its kind by email.
 *
 * <p>A notice that is not to be emailed — most of them: AI runs are in the app only by default — is
 * stored in the transaction that publishes it, by one statement (ADR 0051): a finished run's entry
 * commits with its SUCCEEDED, with no delivery transaction after the commit. One to be emailed, or
 * one whose entry cannot be written there (its user is gone), is left to {@link #on} after the commit.
 */
@Singleton
class NoticeInboxListener implements RecordingTransactionListener<NoticePublished> {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeInboxListener.class);

    private final InboxStore inbox;
    private final UserAccounts users;
    private final NotificationPreferences preferences;
    private final NotificationMails mails;

    NoticeInboxListener(
            InboxStore inbox, UserAccounts users, NotificationPreferences preferences, NotificationMails mails) {
        this.inbox = inbox;
        this.users = users;
        this.preferences = preferences;
        this.mails = mails;
    }

    @Override
    public Class<NoticePublished> eventType() {
        return NoticePublished.class;
    }

    @Override
    public String name() {
        return "inbox.notice";
    }

    /** One statement, no managed transaction joined (the preference is read by the insert itself). */
    @Override
    public boolean onInRecordingTransaction(long universityId, UUID eventId, NoticePublished event) {
        return inbox.insertNoticeNotEmailed(
                        universityId,
                        event.userId(),
                        eventId,
                        event.notice(),
                        NotificationPreferences.defaultFor(event.notice().kind())
                                .email())
                .isPresent();
    }

    @Override
    public void on(long universityId, UUID eventId, NoticePublished event) {
        var user = users.find(universityId, event.userId());
        if (user.isEmpty()) {
            LOG.warn("Notice {} not stored: user {} of university {} is gone", eventId, event.userId(), universityId);
            return;
        }
        var notice = event.notice();
        inbox.insertNotice(universityId, event.userId(), eventId, notice).ifPresent(id -> {
            if (notice.important() && preferences.wantsEmail(universityId, event.userId(), notice.kind())) {
                mails.send(
                        universityId,
                        user.get(),
                        notice.kind(),
                        notice.title(),
                        notice.body() == null ? "" : notice.body(),
                        notice.link());
                inbox.markEmailed(universityId, id);
            }
        });
    }
}
