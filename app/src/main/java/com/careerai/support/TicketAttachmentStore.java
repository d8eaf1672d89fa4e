package com.careerai.support;

import static com.careerai.platform.data.SqlRows.parameters;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.data.SqlRows;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of ticket attachments; every statement names the university. */
@Singleton
class TicketAttachmentStore {
    private static final String ATTACHMENT = "id, ticket_id, uploader_id, uploader_name, from_staff, file_name,"
            + " content_type, size_bytes, storage_key, created_at";

    private final JdbcOperations jdbc;

    TicketAttachmentStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    TicketAttachment insert(
            long universityId,
            long ticketId,
            @Nullable Long uploaderId,
            String uploaderName,
            boolean fromStaff,
            String fileName,
            String contentType,
            long size,
            String storageKey) {
        return SqlRows.single(
                jdbc,
                "INSERT INTO ticket_attachments (university_id, ticket_id, uploader_id, uploader_name, from_staff,"
                        + " file_name, content_type, size_bytes, storage_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " RETURNING " + ATTACHMENT,
                parameters(
                        universityId,
                        ticketId,
                        uploaderId,
                        uploaderName,
                        fromStaff,
                        fileName,
                        contentType,
                        size,
                        storageKey),
                TicketAttachmentStore::attachment);
    }

    List<TicketAttachment> ofTicket(long universityId, long ticketId) {
        return ofTicketRead(universityId, ticketId).runOn(jdbc);
    }

    /** A ticket's files, oldest first, as a page's read (ADR 0076). */
    static PageRead<List<TicketAttachment>> ofTicketRead(long universityId, long ticketId) {
        return PageRead.list(
                "support.attachments:" + universityId + ":" + ticketId,
                "SELECT " + ATTACHMENT + " FROM ticket_attachments WHERE university_id = ? AND ticket_id = ?"
                        + " ORDER BY created_at, id",
                parameters(universityId, ticketId),
                TicketAttachmentStore::attachment);
    }

    Optional<TicketAttachment> find(long universityId, long ticketId, long id) {
        return SqlRows.optional(
                jdbc,
                "SELECT " + ATTACHMENT
                        + " FROM ticket_attachments WHERE university_id = ? AND ticket_id = ? AND id = ?",
                parameters(universityId, ticketId, id),
                TicketAttachmentStore::attachment);
    }

    List<TicketAttachment> uploadedBy(long universityId, long uploaderId) {
        return SqlRows.list(
                jdbc,
                "SELECT " + ATTACHMENT + " FROM ticket_attachments WHERE university_id = ? AND uploader_id = ?",
                parameters(universityId, uploaderId),
                TicketAttachmentStore::attachment);
    }

    void delete(long universityId, long id) {
        SqlRows.update(
                jdbc,
                "DELETE FROM ticket_attachments WHERE university_id = ? AND id = ?",
                parameters(universityId, id));
    }

    void deleteOfTicket(long universityId, long ticketId) {
        SqlRows.update(
                jdbc,
                "DELETE FROM ticket_attachments WHERE university_id = ? AND ticket_id = ?",
                parameters(universityId, ticketId));
    }

    private static TicketAttachment attachment(ResultSet row) throws SQLException {
        return new TicketAttachment(
                row.getLong("id"),
                row.getLong("ticket_id"),
                SqlRows.longOrNull(row, "uploader_id"),
                row.getString("uploader_name"),
                row.getBoolean("from_staff"),
                row.getString("file_name"),
                row.getString("content_type"),
                row.getLong("size_bytes"),
                row.getString("storage_key"),
                SqlRows.instant(row, "created_at"));
    }
}
