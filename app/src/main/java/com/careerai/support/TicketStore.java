package com.careerai.support;

import static com.careerai.platform.data.SqlRows.parameters;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL of tickets, their messages and the support settings; every statement names the university. */
@Singleton
class TicketStore {
    private static final String TICKET = "id, requester_id, requester_email, requester_name, subject, category, status,"
            + " assignee_id, first_response_at, resolved_at, closed_at, csat, created_at, updated_at";

    private final JdbcOperations jdbc;

    TicketStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The university's business hours and targets (the defaults until staff save some), as a page's read (ADR 0076). */
    static PageRead<SupportSettings> settingsRead(long universityId) {
        return PageRead.optional(
                        "support.settings:" + universityId,
                        "SELECT time_zone, work_days, day_start, day_end, first_response_minutes, resolution_minutes"
                                + " FROM support_settings WHERE university_id = ?",
                        parameters(universityId),
                        row -> new SupportSettings(
                                row.getString("time_zone"),
                                row.getString("work_days"),
                                row.getTime("day_start").toLocalTime(),
                                row.getTime("day_end").toLocalTime(),
                                row.getInt("first_response_minutes"),
                                row.getInt("resolution_minutes")))
                .map(found -> found.orElse(SupportSettings.defaults()));
    }

    void saveSettings(long universityId, SupportSettings settings) {
        SqlRows.update(
                jdbc,
                "INSERT INTO support_settings (university_id, time_zone, work_days, day_start, day_end,"
                        + " first_response_minutes, resolution_minutes) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (university_id) DO UPDATE SET time_zone = EXCLUDED.time_zone,"
                        + " work_days = EXCLUDED.work_days, day_start = EXCLUDED.day_start, day_end = EXCLUDED.day_end,"
                        + " first_response_minutes = EXCLUDED.first_response_minutes,"
                        + " resolution_minutes = EXCLUDED.resolution_minutes, updated_at = now()",
                parameters(
                        universityId,
                        settings.timeZone(),
                        settings.workDays(),
                        java.sql.Time.valueOf(settings.dayStart()),
                        java.sql.Time.valueOf(settings.dayEnd()),
                        settings.firstResponseMinutes(),
                        settings.resolutionMinutes()));
    }

    Ticket insert(
            long universityId,
            @Nullable Long requesterId,
            String email,
            String name,
            String subject,
            String category,
            Instant at) {
        return SqlRows.single(
                jdbc,
                "INSERT INTO tickets (university_id, requester_id, requester_email, requester_name, subject, category,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + TICKET,
                parameters(
                        universityId,
                        requesterId,
                        email,
                        name,
                        subject,
                        category,
                        Timestamp.from(at),
                        Timestamp.from(at)),
                TicketStore::ticket);
    }

    void addMessage(
            long universityId,
            long ticketId,
            @Nullable Long authorId,
            String authorName,
            String kind,
            String body,
            Instant at) {
        SqlRows.update(
                jdbc,
                "INSERT INTO ticket_messages (university_id, ticket_id, author_id, author_name, kind, body, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                parameters(universityId, ticketId, authorId, authorName, kind, body, Timestamp.from(at)));
    }

    /** One ticket of the university, as a page's read (ADR 0076). */
    static PageRead<Optional<Ticket>> findRead(long universityId, long id) {
        return PageRead.optional(
                "support.ticket:" + universityId + ":" + id,
                "SELECT " + TICKET + " FROM tickets WHERE university_id = ? AND id = ?",
                parameters(universityId, id),
                TicketStore::ticket);
    }

    Optional<Ticket> lock(long universityId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + TICKET + " FROM tickets WHERE university_id = ? AND id = ? FOR UPDATE",
                parameters(universityId, id),
                TicketStore::ticket);
    }

    /** A requester's own tickets, latest activity first, as a page's read (ADR 0076). */
    static PageRead<List<Ticket>> ofRequesterRead(long universityId, long requesterId, int limit, long offset) {
        return PageRead.list(
                "support.mine:" + universityId + ":" + requesterId + ":" + limit + ":" + offset,
                "SELECT " + TICKET + " FROM tickets WHERE university_id = ? AND requester_id = ?"
                        + " ORDER BY updated_at DESC, id DESC" + SqlRows.limit(limit, offset),
                parameters(universityId, requesterId),
                TicketStore::ticket);
    }

    /**
     * A page of the staff queue, filtered (null = any; assignee 0 = unassigned), open work first, oldest
     * waiting first, as a page's read (ADR 0076).
     */
    static PageRead<List<Ticket>> queueRead(
            long universityId,
            @Nullable String status,
            @Nullable String category,
            @Nullable Long assignee,
            int limit,
            long offset) {
        return PageRead.list(
                "support.queue:" + universityId + ":" + status + ":" + category + ":" + assignee + ":" + limit + ":"
                        + offset,
                "SELECT " + TICKET + " FROM tickets WHERE university_id = ?"
                        + " AND (?::text IS NULL OR status = ?) AND (?::text IS NULL OR category = ?)"
                        + " AND (?::bigint IS NULL OR (? = 0 AND assignee_id IS NULL) OR assignee_id = ?)"
                        + " ORDER BY (status IN ('OPEN', 'PENDING_STUDENT')) DESC, created_at, id"
                        + SqlRows.limit(limit, offset),
                statement -> {
                    // every parameter typed, nulls too: an untyped one would cost a Sync of its own in a page's
                    // round trip (PageReads)
                    statement.setLong(1, universityId);
                    statement.setString(2, status);
                    statement.setString(3, status);
                    statement.setString(4, category);
                    statement.setString(5, category);
                    for (int index = 6; index <= 8; index++) {
                        statement.setObject(index, assignee, java.sql.Types.BIGINT);
                    }
                },
                TicketStore::ticket);
    }

    /** How many tickets are open, as a page's read (ADR 0076). */
    static PageRead<Long> countOpenRead(long universityId) {
        return PageRead.single(
                "support.open-tickets:" + universityId,
                "SELECT count(*) FROM tickets WHERE university_id = ? AND status = 'OPEN'",
                parameters(universityId),
                row -> row.getLong(1));
    }

    List<Ticket.Message> messages(long universityId, long ticketId, boolean withInternal) {
        return messagesRead(universityId, ticketId, withInternal).runOn(jdbc);
    }

    /** A ticket's conversation, oldest first, staff's internal notes only {@code withInternal}, as a page's read. */
    static PageRead<List<Ticket.Message>> messagesRead(long universityId, long ticketId, boolean withInternal) {
        return PageRead.list(
                "support.messages:" + universityId + ":" + ticketId + ":" + withInternal,
                "SELECT id, author_id, author_name, kind, body, created_at FROM ticket_messages"
                        + " WHERE university_id = ? AND ticket_id = ? AND (? OR kind <> 'INTERNAL_NOTE')"
                        + " ORDER BY created_at, id",
                parameters(universityId, ticketId, withInternal),
                TicketStore::message);
    }

    void replied(long universityId, long id, Instant at) {
        SqlRows.update(
                jdbc,
                "UPDATE tickets SET first_response_at = COALESCE(first_response_at, ?),"
                        + " status = CASE WHEN status = 'OPEN' THEN 'PENDING_STUDENT' ELSE status END,"
                        + " updated_at = ? WHERE university_id = ? AND id = ?",
                parameters(Timestamp.from(at), Timestamp.from(at), universityId, id));
    }

    void requesterWrote(long universityId, long id, Instant at) {
        SqlRows.update(
                jdbc,
                "UPDATE tickets SET status = 'OPEN', resolved_at = NULL, updated_at = ? WHERE university_id = ? AND id = ?",
                parameters(Timestamp.from(at), universityId, id));
    }

    void touched(long universityId, long id, Instant at) {
        SqlRows.update(
                jdbc,
                "UPDATE tickets SET updated_at = ? WHERE university_id = ? AND id = ?",
                parameters(Timestamp.from(at), universityId, id));
    }

    void assign(long universityId, long id, @Nullable Long assignee) {
        SqlRows.update(
                jdbc,
                "UPDATE tickets SET assignee_id = ?, updated_at = now() WHERE university_id = ? AND id = ?",
                parameters(assignee, universityId, id));
    }

    /** OPEN or PENDING_STUDENT → RESOLVED; false when the ticket was already resolved or closed. */
    boolean resolve(long universityId, long id, Instant at) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE tickets SET status = 'RESOLVED', resolved_at = ?, updated_at = ?"
                                + " WHERE university_id = ? AND id = ? AND status IN ('OPEN', 'PENDING_STUDENT')",
                        parameters(Timestamp.from(at), Timestamp.from(at), universityId, id))
                > 0;
    }

    void close(long universityId, long id, Instant at) {
        SqlRows.update(
                jdbc,
                "UPDATE tickets SET status = 'CLOSED', resolved_at = COALESCE(resolved_at, ?), closed_at = ?,"
                        + " updated_at = ? WHERE university_id = ? AND id = ?",
                parameters(Timestamp.from(at), Timestamp.from(at), Timestamp.from(at), universityId, id));
    }

    /** Records the rating once; false when the ticket was already rated. */
    boolean rate(long universityId, long id, int csat) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE tickets SET csat = ?, csat_at = now() WHERE university_id = ? AND id = ?"
                                + " AND csat IS NULL AND status IN ('RESOLVED', 'CLOSED')",
                        parameters(csat, universityId, id))
                > 0;
    }

    /** Tickets the person opened (by account, or by email address from the contact page). */
    List<Ticket> ofPerson(long universityId, long userId, @Nullable String email) {
        return SqlRows.list(
                jdbc,
                "SELECT " + TICKET + " FROM tickets WHERE university_id = ? AND (requester_id = ?"
                        + " OR (requester_id IS NULL AND ?::text IS NOT NULL AND lower(requester_email) = lower(?)))"
                        + " ORDER BY id",
                parameters(universityId, userId, email, email),
                TicketStore::ticket);
    }

    /** What the person wrote on tickets opened by others (staff replies and notes). */
    List<Ticket.Message> writtenOnOthers(long universityId, long userId) {
        return SqlRows.list(
                jdbc,
                "SELECT m.id, m.author_id, m.author_name, m.kind, m.body, m.created_at FROM ticket_messages m"
                        + " JOIN tickets t ON t.university_id = m.university_id AND t.id = m.ticket_id"
                        + " WHERE m.university_id = ? AND m.author_id = ? AND t.requester_id IS DISTINCT FROM ?"
                        + " ORDER BY m.created_at, m.id",
                parameters(universityId, userId, userId),
                TicketStore::message);
    }

    /** Deletes a ticket and its messages (erasure; its attachments are deleted first). */
    void delete(long universityId, long id) {
        SqlRows.update(
                jdbc,
                "DELETE FROM ticket_messages WHERE university_id = ? AND ticket_id = ?",
                parameters(universityId, id));
        SqlRows.update(jdbc, "DELETE FROM tickets WHERE university_id = ? AND id = ?", parameters(universityId, id));
    }

    /** On others' tickets: the person's messages lose their author and words; assignments to them end. */
    void deIdentifyAuthor(long universityId, long userId, String removed) {
        SqlRows.update(
                jdbc,
                "UPDATE ticket_messages SET author_id = NULL, author_name = 'Former member', body = ?"
                        + " WHERE university_id = ? AND author_id = ?",
                parameters(removed, universityId, userId));
        SqlRows.update(
                jdbc,
                "UPDATE tickets SET assignee_id = NULL WHERE university_id = ? AND assignee_id = ?",
                parameters(universityId, userId));
    }

    private static Ticket.Message message(ResultSet row) throws SQLException {
        return new Ticket.Message(
                row.getLong("id"),
                SqlRows.longOrNull(row, "author_id"),
                row.getString("author_name"),
                row.getString("kind"),
                row.getString("body"),
                SqlRows.instant(row, "created_at"));
    }

    private static Ticket ticket(ResultSet row) throws SQLException {
        return new Ticket(
                row.getLong("id"),
                SqlRows.longOrNull(row, "requester_id"),
                row.getString("requester_email"),
                row.getString("requester_name"),
                row.getString("subject"),
                row.getString("category"),
                Ticket.Status.valueOf(row.getString("status")),
                SqlRows.longOrNull(row, "assignee_id"),
                SqlRows.instantOrNull(row, "first_response_at"),
                SqlRows.instantOrNull(row, "resolved_at"),
                SqlRows.instantOrNull(row, "closed_at"),
                SqlRows.intOrNull(row, "csat"),
                SqlRows.instant(row, "created_at"),
                SqlRows.instant(row, "updated_at"));
    }
}
