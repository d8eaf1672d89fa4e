package com.careerai.leads;

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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL of leads, their notes, settings and communication log; every statement names the university. */
@Singleton
class LeadStore {
    private static final String LEAD = "id, name, email, phone, interest, course_id, course_title, message, status,"
            + " inquiries, invitation_id, reservation_id, first_contacted_at, created_at, updated_at";
    private static final String LOG =
            "id, lead_id, channel, template, automatic, reference, provider_id, status, error, at";

    /** A note on a lead. */
    record Note(long id, String author, String body, Instant at) {}

    /** The speed-to-lead figures in seconds (null without data). */
    record Speed(@Nullable Double medianSeconds, @Nullable Double p95Seconds, long leads) {}

    private final JdbcOperations jdbc;

    LeadStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    LeadSettings settings(long universityId) {
        return SqlRows.optional(
                        jdbc,
                        "SELECT default_region, whatsapp_template, call_script FROM lead_settings WHERE university_id = ?",
                        parameters(universityId),
                        row -> new LeadSettings(
                                row.getString("default_region"),
                                row.getString("whatsapp_template"),
                                row.getString("call_script")))
                .orElse(LeadSettings.defaults());
    }

    void saveSettings(long universityId, LeadSettings settings) {
        SqlRows.update(
                jdbc,
                "INSERT INTO lead_settings (university_id, default_region, whatsapp_template, call_script)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (university_id) DO UPDATE SET"
                        + " default_region = EXCLUDED.default_region, whatsapp_template = EXCLUDED.whatsapp_template,"
                        + " call_script = EXCLUDED.call_script, updated_at = now()",
                parameters(universityId, settings.defaultRegion(), settings.whatsappTemplate(), settings.callScript()));
    }

    /** The oldest lead with this email or phone (a duplicate is merged into it), locked for the merge. */
    Optional<Lead> duplicateOf(long universityId, String email, String phone) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + LEAD + " FROM leads WHERE university_id = ? AND (lower(email) = lower(?) OR phone = ?)"
                        + " ORDER BY id LIMIT 1 FOR UPDATE",
                parameters(universityId, email, phone),
                LeadStore::lead);
    }

    /**
     * A new lead, or empty when a lead with this email or phone exists by now: the unique indexes of
     * V68 make a simultaneous first inquiry from the same person wait for the other and then lose.
     */
    Optional<Lead> insert(long universityId, Inquiry inquiry, String phone, Instant consentAt) {
        return SqlRows.optional(
                jdbc,
                "INSERT INTO leads (university_id, name, email, phone, interest, course_id, course_title, message,"
                        + " consent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING " + LEAD,
                parameters(
                        universityId,
                        inquiry.name(),
                        inquiry.email(),
                        phone,
                        inquiry.interest(),
                        inquiry.courseId(),
                        inquiry.courseTitle(),
                        inquiry.message(),
                        Timestamp.from(consentAt)),
                LeadStore::lead);
    }

    /** Every lead with this email address (the person's own data). */
    List<Lead> withEmail(long universityId, String email) {
        return SqlRows.list(
                jdbc,
                "SELECT " + LEAD + " FROM leads WHERE university_id = ? AND lower(email) = lower(?) ORDER BY id",
                parameters(universityId, email),
                LeadStore::lead);
    }

    /** Deletes a lead with its notes and communication log (erasure). */
    void delete(long universityId, long id) {
        SqlRows.update(
                jdbc,
                "DELETE FROM communication_logs WHERE university_id = ? AND lead_id = ?",
                parameters(universityId, id));
        SqlRows.update(
                jdbc, "DELETE FROM lead_notes WHERE university_id = ? AND lead_id = ?", parameters(universityId, id));
        SqlRows.update(jdbc, "DELETE FROM leads WHERE university_id = ? AND id = ?", parameters(universityId, id));
    }

    /** Counts one more inquiry on a lead; a later course or interest replaces the earlier one. */
    void merged(long universityId, long id, Inquiry inquiry) {
        SqlRows.update(
                jdbc,
                "UPDATE leads SET inquiries = inquiries + 1, updated_at = now(),"
                        + " interest = COALESCE(?, interest), course_id = COALESCE(?, course_id),"
                        + " course_title = COALESCE(?, course_title), consent_at = now()"
                        + " WHERE university_id = ? AND id = ?",
                parameters(inquiry.interest(), inquiry.courseId(), inquiry.courseTitle(), universityId, id));
    }

    Optional<Lead> find(long universityId, long id) {
        return findRead(universityId, id).runOn(jdbc);
    }

    /** One lead of the university, as a page's read (ADR 0076). */
    static PageRead<Optional<Lead>> findRead(long universityId, long id) {
        return PageRead.optional(
                "leads.lead:" + universityId + ":" + id,
                "SELECT " + LEAD + " FROM leads WHERE university_id = ? AND id = ?",
                parameters(universityId, id),
                LeadStore::lead);
    }

    /** Leads of one status (or all when null), most recently changed first, one page. */
    List<Lead> list(long universityId, @Nullable LeadStatus status, int limit, long offset) {
        return SqlRows.list(
                jdbc,
                "SELECT " + LEAD + " FROM leads WHERE university_id = ? AND (?::text IS NULL OR status = ?)"
                        + " ORDER BY updated_at DESC, id DESC" + SqlRows.limit(limit, offset),
                parameters(universityId, status == null ? null : status.name(), status == null ? null : status.name()),
                LeadStore::lead);
    }

    /** How many leads each column holds (columns without leads are absent): the board's counts in one read. */
    static PageRead<Map<LeadStatus, Long>> countsByStatus(long universityId) {
        return new PageRead<>(
                "leads.counts:" + universityId,
                "SELECT status, count(*) FROM leads WHERE university_id = ? GROUP BY status",
                parameters(universityId),
                rows -> {
                    Map<LeadStatus, Long> counts = new EnumMap<>(LeadStatus.class);
                    while (rows.next()) {
                        counts.put(LeadStatus.valueOf(rows.getString(1)), rows.getLong(2));
                    }
                    return counts;
                });
    }

    /** A page of one column, most recently changed first. */
    static PageRead<List<Lead>> column(long universityId, LeadStatus status, int limit, long offset) {
        return PageRead.list(
                "leads.column:" + universityId + ":" + status + ":" + limit + ":" + offset,
                "SELECT " + LEAD + " FROM leads WHERE university_id = ? AND status = ?"
                        + " ORDER BY updated_at DESC, id DESC" + SqlRows.limit(limit, offset),
                parameters(universityId, status.name()),
                LeadStore::lead);
    }

    void setStatus(long universityId, long id, LeadStatus status) {
        SqlRows.update(
                jdbc,
                "UPDATE leads SET status = ?, updated_at = now() WHERE university_id = ? AND id = ?",
                parameters(status.name(), universityId, id));
    }

    void converted(long universityId, long id, long invitationId, @Nullable Long reservationId) {
        SqlRows.update(
                jdbc,
                "UPDATE leads SET status = 'ENROLLED', invitation_id = ?, reservation_id = ?, updated_at = now()"
                        + " WHERE university_id = ? AND id = ?",
                parameters(invitationId, reservationId, universityId, id));
    }

    void contacted(long universityId, long id, Instant at) {
        SqlRows.update(
                jdbc,
                "UPDATE leads SET first_contacted_at = LEAST(COALESCE(first_contacted_at, ?), ?)"
                        + " WHERE university_id = ? AND id = ?",
                parameters(Timestamp.from(at), Timestamp.from(at), universityId, id));
    }

    void addNote(long universityId, long leadId, String author, String body) {
        SqlRows.update(
                jdbc,
                "INSERT INTO lead_notes (university_id, lead_id, author, body) VALUES (?, ?, ?, ?)",
                parameters(universityId, leadId, author, body));
        SqlRows.update(
                jdbc,
                "UPDATE leads SET updated_at = now() WHERE university_id = ? AND id = ?",
                parameters(universityId, leadId));
    }

    List<Note> notes(long universityId, long leadId) {
        return notesRead(universityId, leadId).runOn(jdbc);
    }

    /** A lead's notes, oldest first, as a page's read (ADR 0076). */
    static PageRead<List<Note>> notesRead(long universityId, long leadId) {
        return PageRead.list(
                "leads.notes:" + universityId + ":" + leadId,
                "SELECT id, author, body, created_at FROM lead_notes WHERE university_id = ? AND lead_id = ?"
                        + " ORDER BY created_at, id",
                parameters(universityId, leadId),
                row -> new Note(
                        row.getLong("id"),
                        row.getString("author"),
                        row.getString("body"),
                        SqlRows.instant(row, "created_at")));
    }

    // --- communication log -------------------------------------------------------------------

    /**
     * Claims the automatic follow-up of {@code channel} for the lead: a new ATTEMPTED row, or empty
     * when an earlier delivery already claimed it (then it must not be sent again).
     */
    Optional<CommunicationLog> claim(long universityId, long leadId, Channel channel, String template, String status) {
        return SqlRows.optional(
                jdbc,
                "INSERT INTO communication_logs (university_id, lead_id, channel, template, automatic, status)"
                        + " VALUES (?, ?, ?, ?, true, ?)"
                        + " ON CONFLICT (university_id, lead_id, channel) WHERE automatic DO NOTHING RETURNING " + LOG,
                parameters(universityId, leadId, channel.name(), template, status),
                LeadStore::log);
    }

    CommunicationLog manual(long universityId, long leadId, Channel channel, String template, String status) {
        return SqlRows.single(
                jdbc,
                "INSERT INTO communication_logs (university_id, lead_id, channel, template, automatic, status)"
                        + " VALUES (?, ?, ?, ?, false, ?) RETURNING " + LOG,
                parameters(universityId, leadId, channel.name(), template, status),
                LeadStore::log);
    }

    Optional<CommunicationLog> automatic(long universityId, long leadId, Channel channel) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + LOG + " FROM communication_logs WHERE university_id = ? AND lead_id = ? AND channel = ?"
                        + " AND automatic",
                parameters(universityId, leadId, channel.name()),
                LeadStore::log);
    }

    Optional<CommunicationLog> byReference(long universityId, UUID reference) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + LOG + " FROM communication_logs WHERE university_id = ? AND reference = ?",
                parameters(universityId, reference),
                LeadStore::log);
    }

    /** Records the outcome of a log row; a status only moves on from ATTEMPTED/UNCONFIRMED/SENT, never back. */
    void outcome(long universityId, long logId, String status, @Nullable String providerId, @Nullable String error) {
        SqlRows.update(
                jdbc,
                "UPDATE communication_logs SET status = ?, provider_id = COALESCE(?, provider_id),"
                        + " error = COALESCE(?, error), updated_at = now() WHERE university_id = ? AND id = ?",
                parameters(status, providerId, error, universityId, logId));
    }

    /** An ATTEMPTED row with no result becomes UNCONFIRMED (maybe sent); answers whether it was. */
    boolean unconfirmIfAttempted(long universityId, long logId) {
        return SqlRows.update(
                        jdbc,
                        "UPDATE communication_logs SET status = 'UNCONFIRMED', updated_at = now()"
                                + " WHERE university_id = ? AND id = ? AND status = 'ATTEMPTED'",
                        parameters(universityId, logId))
                > 0;
    }

    void release(long universityId, long logId) {
        SqlRows.update(
                jdbc,
                "DELETE FROM communication_logs WHERE university_id = ? AND id = ? AND status = 'ATTEMPTED'",
                parameters(universityId, logId));
    }

    List<CommunicationLog> logs(long universityId, long leadId) {
        return logsRead(universityId, leadId).runOn(jdbc);
    }

    /** A lead's messages sent and tried, oldest first, as a page's read (ADR 0076). */
    static PageRead<List<CommunicationLog>> logsRead(long universityId, long leadId) {
        return PageRead.list(
                "leads.logs:" + universityId + ":" + leadId,
                "SELECT " + LOG + " FROM communication_logs WHERE university_id = ? AND lead_id = ? ORDER BY at, id",
                parameters(universityId, leadId),
                LeadStore::log);
    }

    /** Median and 95th percentile of inquiry → first message sent, over leads of the last 30 days. */
    static PageRead<Speed> speed(long universityId) {
        return PageRead.single(
                "leads.speed:" + universityId,
                "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS median,"
                        + " percentile_cont(0.95) WITHIN GROUP (ORDER BY s) AS p95, count(*) AS n FROM ("
                        + " SELECT extract(epoch FROM first_contacted_at - created_at) AS s FROM leads"
                        + " WHERE university_id = ? AND created_at >= now() - interval '30 days'"
                        + " AND first_contacted_at IS NOT NULL) AS timings",
                parameters(universityId),
                row -> new Speed((Double) row.getObject("median"), (Double) row.getObject("p95"), row.getLong("n")));
    }

    private static Lead lead(ResultSet row) throws SQLException {
        return new Lead(
                row.getLong("id"),
                row.getString("name"),
                row.getString("email"),
                row.getString("phone"),
                row.getString("interest"),
                SqlRows.longOrNull(row, "course_id"),
                row.getString("course_title"),
                row.getString("message"),
                LeadStatus.valueOf(row.getString("status")),
                row.getInt("inquiries"),
                SqlRows.longOrNull(row, "invitation_id"),
                SqlRows.longOrNull(row, "reservation_id"),
                SqlRows.instantOrNull(row, "first_contacted_at"),
                SqlRows.instant(row, "created_at"),
                SqlRows.instant(row, "updated_at"));
    }

    private static CommunicationLog log(ResultSet row) throws SQLException {
        return new CommunicationLog(
                row.getLong("id"),
                row.getLong("lead_id"),
                Channel.valueOf(row.getString("channel")),
                row.getString("template"),
                row.getBoolean("automatic"),
                (UUID) row.getObject("reference"),
                row.getString("provider_id"),
                row.getString("status"),
                row.getString("error"),
                SqlRows.instant(row, "at"));
    }
}
