package com.careerai.inbox;

import com.careerai.notifications.Notice;
import com.careerai.notifications.NoticeKind;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL of {@code notifications}, the inbox. Every statement names {@code university_id}; callers run
 * inside a transaction (or a connection scope) of that university.
 */
@Singleton
class InboxStore {
    private final JdbcOperations jdbc;

    InboxStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the notice once per event; the new entry's id, or empty when the event was stored before. */
    Optional<Long> insertNotice(long universityId, long userId, UUID eventId, Notice notice) {
        return insertNoticeWhere(universityId, userId, eventId, notice, "");
    }

    /**
     * Stores the notice of a new event unless it is to be emailed too (important, and the user's
     * choice for its kind, or else {@code emailByDefault}, says email): one statement, the preference
     * read inside it. The new entry's id, or empty when the notice is to be emailed (nothing stored).
     */
    Optional<Long> insertNoticeNotEmailed(
            long universityId, long userId, UUID eventId, Notice notice, boolean emailByDefault) {
        return insertNoticeWhere(
                universityId,
                userId,
                eventId,
                notice,
                " WHERE NOT ? OR NOT COALESCE((SELECT email FROM notification_preferences"
                        + " WHERE university_id = ? AND user_id = ? AND kind = ?), ?)",
                notice.important(),
                universityId,
                userId,
                notice.kind().name(),
                emailByDefault);
    }

    /** The notice's entry, inserted when {@code where} (on {@code whereValues}) holds and the event is new. */
    private Optional<Long> insertNoticeWhere(
            long universityId, long userId, UUID eventId, Notice notice, String where, Object... whereValues) {
        List<Object> values = new ArrayList<>(Arrays.asList(
                universityId,
                userId,
                notice.kind().name(),
                notice.title(),
                notice.body() == null ? "" : notice.body(),
                notice.link(),
                notice.important(),
                eventId));
        values.addAll(Arrays.asList(whereValues));
        return SqlRows.optional(
                jdbc,
                "INSERT INTO notifications (university_id, user_id, kind, title, body, link, important, event_id)"
                        + " SELECT ?, ?, ?, ?, ?, ?, ?, ?" + where
                        + " ON CONFLICT (university_id, event_id) DO NOTHING RETURNING id",
                SqlRows.parameters(values.toArray()),
                row -> row.getLong(1));
    }

    /**
     * Gives the announcement to each of {@code userIds} that does not have it yet; returns the users
     * who received it now (a resumed or repeated send inserts nothing twice).
     */
    List<Long> insertAnnouncement(long universityId, Announcement announcement, Collection<Long> userIds) {
        return SqlRows.list(
                jdbc,
                "INSERT INTO notifications (university_id, user_id, kind, title, body, link, important, announcement_id)"
                        + " SELECT ?, recipient, 'ANNOUNCEMENT', ?, ?, NULL, true, ? FROM unnest(?::bigint[]) AS recipient"
                        + " ON CONFLICT (university_id, announcement_id, user_id) DO NOTHING RETURNING user_id",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setString(2, announcement.title());
                    statement.setString(3, announcement.body());
                    statement.setLong(4, announcement.id());
                    statement.setArray(5, bigints(statement, userIds));
                },
                row -> row.getLong(1));
    }

    void markEmailed(long universityId, long notificationId) {
        SqlRows.update(
                jdbc,
                "UPDATE notifications SET emailed = true WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, notificationId));
    }

    void markAnnouncementEmailed(long universityId, long announcementId, Collection<Long> userIds) {
        SqlRows.update(
                jdbc,
                "UPDATE notifications SET emailed = true WHERE university_id = ? AND announcement_id = ?"
                        + " AND user_id = ANY(?::bigint[])",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, announcementId);
                    statement.setArray(3, bigints(statement, userIds));
                });
    }

    /**
     * A page of the user's entries (or of the unread ones), newest first, as a page's read (ADR 0076); one more
     * than {@code limit} tells that more follow.
     */
    static PageRead<List<Notification>> pageRead(
            long universityId, long userId, boolean unreadOnly, int limit, long offset) {
        return PageRead.list(
                "inbox.page:" + universityId + ":" + userId + ":" + unreadOnly + ":" + limit + ":" + offset,
                "SELECT * FROM notifications WHERE university_id = ? AND user_id = ?"
                        + (unreadOnly ? " AND read_at IS NULL" : "")
                        + " ORDER BY id DESC" + SqlRows.limit(limit, offset),
                SqlRows.parameters(universityId, userId),
                InboxStore::notification);
    }

    Optional<Notification> find(long universityId, long userId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT * FROM notifications WHERE university_id = ? AND user_id = ? AND id = ?",
                SqlRows.parameters(universityId, userId, id),
                InboxStore::notification);
    }

    /** The newest unread entries and the unread count. */
    record Unread(List<Notification> newest, long count) {}

    /**
     * The newest {@code limit} unread entries with the count of all unread ones: one statement, the
     * count over the partial index of unread entries (a row with no entry when none is unread). Sent
     * ahead, it gives the bell's count too ({@link #unread}'s key).
     */
    PageRead<Unread> newestUnread(long universityId, long userId, int limit) {
        return new PageRead<>(
                        "inbox.newest-unread:" + universityId + ":" + userId + ":" + limit,
                        "SELECT c.unread, n.* FROM (SELECT count(*) AS unread FROM notifications"
                                + " WHERE university_id = ? AND user_id = ? AND read_at IS NULL) c"
                                + " LEFT JOIN LATERAL (SELECT * FROM notifications"
                                + " WHERE university_id = ? AND user_id = ? AND read_at IS NULL ORDER BY id DESC LIMIT ?) n ON true",
                        SqlRows.parameters(universityId, userId, universityId, userId, limit),
                        rows -> {
                            long count = 0;
                            List<Notification> newest = new ArrayList<>();
                            while (rows.next()) {
                                count = rows.getLong("unread");
                                rows.getLong("id");
                                if (!rows.wasNull()) {
                                    newest.add(notification(rows));
                                }
                            }
                            return new Unread(List.copyOf(newest), count);
                        })
                .alsoKeeps(unreadKey(universityId, userId), Unread::count); // the bell's figure
    }

    /**
     * The bell: one count over the partial index of unread entries, under the key {@link #newestUnread}'s
     * count is kept by (the home's panel and its bell: one count).
     */
    static PageRead<Long> unread(long universityId, long userId) {
        return PageRead.single(
                unreadKey(universityId, userId),
                "SELECT count(*) FROM notifications WHERE university_id = ? AND user_id = ? AND read_at IS NULL",
                SqlRows.parameters(universityId, userId),
                row -> row.getLong(1));
    }

    static String unreadKey(long universityId, long userId) {
        return "inbox.unread:" + universityId + ":" + userId;
    }

    boolean markRead(long universityId, long userId, long id) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE notifications SET read_at = COALESCE(read_at, now())"
                                + " WHERE university_id = ? AND user_id = ? AND id = ?",
                        SqlRows.parameters(universityId, userId, id))
                == 1;
    }

    int markAllRead(long universityId, long userId) {
        return SqlRows.update(
                jdbc,
                "UPDATE notifications SET read_at = now() WHERE university_id = ? AND user_id = ? AND read_at IS NULL",
                SqlRows.parameters(universityId, userId));
    }

    /** How many of an announcement's notifications were read, as a page's read (ADR 0076). */
    static PageRead<Long> readCountRead(long universityId, long announcementId) {
        return PageRead.single(
                "inbox.announcement-read-count:" + universityId + ":" + announcementId,
                "SELECT count(*) FROM notifications WHERE university_id = ? AND announcement_id = ?"
                        + " AND read_at IS NOT NULL",
                SqlRows.parameters(universityId, announcementId),
                row -> row.getLong(1));
    }

    /** {@code ids} as a {@code bigint[]} parameter of {@code statement}. */
    static Array bigints(PreparedStatement statement, Collection<Long> ids) throws SQLException {
        return statement.getConnection().createArrayOf("bigint", ids.toArray());
    }

    private static Notification notification(ResultSet row) throws SQLException {
        long announcement = row.getLong("announcement_id");
        Long announcementId = row.wasNull() ? null : announcement;
        OffsetDateTime readAt = row.getObject("read_at", OffsetDateTime.class);
        return new Notification(
                row.getLong("id"),
                row.getLong("user_id"),
                kind(row.getString("kind")),
                row.getString("title"),
                row.getString("body"),
                row.getString("link"),
                row.getBoolean("important"),
                announcementId,
                row.getBoolean("emailed"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                readAt == null ? null : readAt.toInstant());
    }

    private static NoticeKind kind(String name) {
        try {
            return NoticeKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            // a kind a newer release added and this one does not know: shown as an announcement
            return NoticeKind.ANNOUNCEMENT;
        }
    }
}
