package com.careerai.inbox;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SQL of {@code announcements}; every statement names {@code university_id}. */
@Singleton
class AnnouncementStore {
    private final JdbcOperations jdbc;

    AnnouncementStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            long universityId,
            String title,
            String body,
            Announcement.Audience audience,
            List<Long> interests,
            @Nullable Long batchId,
            long createdBy) {
        return SqlRows.single(
                jdbc,
                "INSERT INTO announcements (university_id, title, body, audience, interest_ids, created_by, batch_id)"
                        + " VALUES (?, ?, ?, ?, ?::bigint[], ?, ?) RETURNING id",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setString(2, title);
                    statement.setString(3, body);
                    statement.setString(4, audience.name());
                    statement.setArray(5, InboxStore.bigints(statement, interests));
                    statement.setLong(6, createdBy);
                    statement.setObject(7, batchId);
                },
                row -> row.getLong(1));
    }

    Optional<Announcement> find(long universityId, long id) {
        return findRead(universityId, id).runOn(jdbc);
    }

    /** One announcement of the university, as a page's read (ADR 0076). */
    static PageRead<Optional<Announcement>> findRead(long universityId, long id) {
        return PageRead.optional(
                "inbox.announcement:" + universityId + ":" + id,
                "SELECT * FROM announcements WHERE university_id = ? AND id = ?",
                SqlRows.parameters(universityId, id),
                AnnouncementStore::announcement);
    }

    boolean existsTitled(long universityId, String title) {
        return SqlRows.optional(
                        jdbc,
                        "SELECT 1 FROM announcements WHERE university_id = ? AND title = ? LIMIT 1",
                        SqlRows.parameters(universityId, title),
                        row -> true)
                .isPresent();
    }

    /** The announcement, locked for the rest of the transaction (serialises senders and cancelling). */
    Optional<Announcement> lock(long universityId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT * FROM announcements WHERE university_id = ? AND id = ? FOR UPDATE",
                SqlRows.parameters(universityId, id),
                AnnouncementStore::announcement);
    }

    /**
     * A page of announcements, newest first, each with how many recipients have read it: one statement, as a
     * page's read (ADR 0076). Each count was a statement of its own (N + 1); the partial index
     * {@code notifications_announcement_read} (V107) counts read rows only.
     */
    static PageRead<List<Announcements.Progress>> newestRead(long universityId, int limit, long offset) {
        return PageRead.list(
                "inbox.announcements:" + universityId + ":" + limit + ":" + offset,
                "SELECT a.*, (SELECT count(*) FROM notifications n WHERE n.university_id = a.university_id"
                        + " AND n.announcement_id = a.id AND n.read_at IS NOT NULL) AS read_count"
                        + " FROM announcements a WHERE a.university_id = ? ORDER BY a.id DESC"
                        + SqlRows.limit(limit, offset),
                SqlRows.parameters(universityId),
                row -> new Announcements.Progress(announcement(row), row.getLong("read_count")));
    }

    boolean schedule(long universityId, long id, Instant sendAt) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE announcements SET status = 'SCHEDULED', send_at = ?"
                                + " WHERE university_id = ? AND id = ? AND status = 'DRAFT'",
                        SqlRows.parameters(sendAt.atOffset(ZoneOffset.UTC), universityId, id))
                == 1;
    }

    /** SCHEDULED → DRAFT, only while the sender has not started. */
    boolean unschedule(long universityId, long id) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE announcements SET status = 'DRAFT', send_at = NULL"
                                + " WHERE university_id = ? AND id = ? AND status = 'SCHEDULED'",
                        SqlRows.parameters(universityId, id))
                == 1;
    }

    void start(long universityId, long id) {
        SqlRows.update(
                jdbc,
                "UPDATE announcements SET status = 'SENDING', started_at = now()"
                        + " WHERE university_id = ? AND id = ? AND status = 'SCHEDULED'",
                SqlRows.parameters(universityId, id));
    }

    /** Records a handled page: the cursor moves to {@code lastUserId} and the counts grow. */
    void advance(long universityId, long id, long lastUserId, int recipients, int emailed) {
        SqlRows.update(
                jdbc,
                "UPDATE announcements SET cursor_user_id = ?, recipients = recipients + ?, emailed = emailed + ?"
                        + " WHERE university_id = ? AND id = ? AND status = 'SENDING'",
                SqlRows.parameters(lastUserId, recipients, emailed, universityId, id));
    }

    void finish(long universityId, long id) {
        SqlRows.update(
                jdbc,
                "UPDATE announcements SET status = 'SENT', sent_at = now()"
                        + " WHERE university_id = ? AND id = ? AND status = 'SENDING'",
                SqlRows.parameters(universityId, id));
    }

    private static Announcement announcement(ResultSet row) throws SQLException {
        Long[] interests = (Long[]) row.getArray("interest_ids").getArray();
        return new Announcement(
                row.getLong("id"),
                row.getString("title"),
                row.getString("body"),
                Announcement.Audience.valueOf(row.getString("audience")),
                Arrays.asList(interests),
                Announcement.Status.valueOf(row.getString("status")),
                instant(row, "send_at"),
                row.getLong("cursor_user_id"),
                row.getInt("recipients"),
                row.getInt("emailed"),
                row.getLong("created_by"),
                instant(row, "created_at"),
                instant(row, "started_at"),
                instant(row, "sent_at"),
                row.getObject("batch_id", Long.class));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
