package com.careerai.inbox;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.interests.Interests;
import com.careerai.notifications.NoticeKind;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an announcement: recipients in pages by ascending user id, one transaction per page, which
 * inserts the inbox entries ({@code ON CONFLICT DO NOTHING} on announcement and recipient), queues an
 * email (through the outbox, in that transaction) only for entries it inserted and only for people
 * who want announcements by email, and moves the persisted cursor. A sender killed between pages
 * resumes after the cursor; one killed inside a page rolls that page back. Either way every
 * recipient gets exactly one entry and at most one email.
 */
@Singleton
class AnnouncementSender {
    static final int PAGE_SIZE = 500;
    static final String INBOX_PATH = "/notifications";

    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementSender.class);

    /** Called after each committed page (tests stop the sender here to prove it resumes). */
    @FunctionalInterface
    interface PageHook {
        PageHook NONE = pages -> {};

        void afterPage(int pagesDone);
    }

    private final AnnouncementStore announcements;
    private final InboxStore inbox;
    private final UserAccounts users;
    private final Interests interests;
    private final NotificationPreferences preferences;
    private final NotificationMails mails;
    private final TransactionOperations<Connection> transactions;
    private final com.careerai.courses.Cohorts cohorts;

    AnnouncementSender(
            AnnouncementStore announcements,
            InboxStore inbox,
            UserAccounts users,
            Interests interests,
            NotificationPreferences preferences,
            NotificationMails mails,
            TransactionOperations<Connection> transactions,
            com.careerai.courses.Cohorts cohorts) {
        this.cohorts = cohorts;
        this.announcements = announcements;
        this.inbox = inbox;
        this.users = users;
        this.interests = interests;
        this.preferences = preferences;
        this.mails = mails;
        this.transactions = transactions;
    }

    /**
     * The scheduled job's entry: sends unless the announcement was cancelled or rescheduled since this
     * job was scheduled for {@code sendAt} (a SENDING one is resumed whatever the time).
     */
    void sendScheduled(long universityId, long id, Instant sendAt) {
        boolean due = transactions.executeRead(status -> announcements
                .find(universityId, id)
                .map(a -> a.status() == Announcement.Status.SENDING
                        || (a.status() == Announcement.Status.SCHEDULED && sendAt.equals(a.sendAt())))
                .orElse(false));
        if (due) {
            send(universityId, id, PageHook.NONE);
        } else {
            LOG.info("Announcement {} of university {} is no longer due for {}", id, universityId, sendAt);
        }
    }

    /** Starts (SCHEDULED → SENDING) or resumes the announcement and sends every page left. */
    void send(long universityId, long id, PageHook hook) {
        boolean sending = transactions.executeWrite(status -> announcements
                .lock(universityId, id)
                .map(a -> {
                    if (a.status() == Announcement.Status.SCHEDULED) {
                        announcements.start(universityId, id);
                        return true;
                    }
                    return a.status() == Announcement.Status.SENDING;
                })
                .orElse(false));
        if (!sending) {
            return;
        }
        int pages = 0;
        while (transactions.executeWrite(status -> sendPage(universityId, id))) {
            hook.afterPage(++pages);
        }
        LOG.info("Announcement {} of university {} sent", id, universityId);
    }

    /** One page in the caller's transaction; false when the announcement is done. */
    private boolean sendPage(long universityId, long id) {
        Announcement announcement = announcements
                .lock(universityId, id)
                .filter(a -> a.status() == Announcement.Status.SENDING)
                .orElse(null);
        if (announcement == null) {
            return false;
        }
        List<Long> page = audience(universityId, announcement);
        if (page.isEmpty()) {
            announcements.finish(universityId, id);
            return false;
        }
        Map<Long, User> students = users.findAll(universityId, page).stream()
                .filter(user -> user.role() == Role.STUDENT)
                .collect(Collectors.toMap(User::id, Function.identity()));
        List<Long> received = students.isEmpty()
                ? List.of()
                : inbox.insertAnnouncement(universityId, announcement, students.keySet());
        List<Long> emailTo = preferences.wantingEmail(universityId, received, NoticeKind.ANNOUNCEMENT);
        for (long userId : emailTo) {
            mails.send(
                    universityId,
                    students.get(userId),
                    NoticeKind.ANNOUNCEMENT,
                    announcement.title(),
                    announcement.body(),
                    INBOX_PATH);
        }
        if (!emailTo.isEmpty()) {
            inbox.markAnnouncementEmailed(universityId, id, emailTo);
        }
        announcements.advance(universityId, id, page.get(page.size() - 1), received.size(), emailTo.size());
        if (page.size() < PAGE_SIZE) {
            announcements.finish(universityId, id);
            return false;
        }
        return true;
    }

    private List<Long> audience(long universityId, Announcement announcement) {
        return switch (announcement.audience()) {
            case ALL_STUDENTS -> users.studentIdsAfter(universityId, announcement.cursorUserId(), PAGE_SIZE);
            case INTERESTS ->
                interests.usersInterestedInAny(
                        universityId, announcement.interestIds(), announcement.cursorUserId(), PAGE_SIZE);
            case COHORT ->
                cohorts.membersAfter(universityId, announcement.batchId(), announcement.cursorUserId(), PAGE_SIZE);
        };
    }
}
