package com.careerai.support;

import com.careerai.auth.SignedInUser;
import com.careerai.platform.storage.ContentDisposition;
import com.careerai.platform.storage.FileStorage;
import com.careerai.platform.web.PageReads;
import com.careerai.resources.ResourceException;
import com.careerai.resources.UploadedFiles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Files on tickets: checked by the resources feature's upload inspection (content decides, programs
 * and web pages refused, images re-encoded), limited in size, stored through {@link FileStorage}, and
 * downloaded — always as an attachment — only by the ticket's requester and the university's staff.
 */
@Singleton
class TicketAttachments {
    static final String AREA = "support";

    private final TicketAttachmentStore store;
    private final TicketStore tickets;
    private final Tickets ticketService;
    private final UploadedFiles uploads;
    private final FileStorage storage;
    private final SupportConfiguration configuration;
    private final PageReads reads;

    TicketAttachments(
            TicketAttachmentStore store,
            TicketStore tickets,
            Tickets ticketService,
            UploadedFiles uploads,
            FileStorage storage,
            SupportConfiguration configuration,
            PageReads reads) {
        this.store = store;
        this.tickets = tickets;
        this.ticketService = ticketService;
        this.uploads = uploads;
        this.storage = storage;
        this.configuration = configuration;
        this.reads = reads;
    }

    /** The requester attaches a file to their own (not closed) ticket; 404 for anyone else's. */
    @Transactional
    TicketAttachment attachAsRequester(
            SignedInUser requester, long ticketId, @Nullable String fileName, byte[] content) {
        Ticket ticket = ticketService.mine(requester, ticketId);
        if (ticket.status() == Ticket.Status.CLOSED) {
            throw new TicketException("file", "This ticket is closed. Open a new one if you need more help.");
        }
        return attach(requester, ticket, false, fileName, content);
    }

    /** Staff attach a file to a ticket of their university (the requester sees it). */
    @Transactional
    TicketAttachment attachAsStaff(SignedInUser staff, long ticketId, @Nullable String fileName, byte[] content) {
        Ticket ticket = ticketService.find(staff.universityId(), ticketId);
        return attach(staff, ticket, true, fileName, content);
    }

    List<TicketAttachment> ofTicket(long universityId, long ticketId) {
        return reads.read(TicketAttachmentStore.ofTicketRead(universityId, ticketId));
    }

    /** The requester's download (404 unless the ticket is theirs and the file on it). */
    @Transactional(readOnly = true)
    HttpResponse<?> downloadAsRequester(SignedInUser requester, long ticketId, long attachmentId) {
        ticketService.mine(requester, ticketId);
        return deliver(existing(requester.universityId(), ticketId, attachmentId));
    }

    /** Staff's download (404 for another university's ticket or a file of another ticket). */
    @Transactional(readOnly = true)
    HttpResponse<?> downloadAsStaff(SignedInUser staff, long ticketId, long attachmentId) {
        ticketService.find(staff.universityId(), ticketId);
        return deliver(existing(staff.universityId(), ticketId, attachmentId));
    }

    private TicketAttachment attach(
            SignedInUser uploader, Ticket ticket, boolean fromStaff, @Nullable String fileName, byte[] content) {
        if (content.length == 0) {
            throw new TicketException("file", "Choose a file to attach.");
        }
        if (content.length > configuration.getMaxAttachmentSize()) {
            throw new TicketException(
                    "file",
                    "The file is larger than " + megabytes(configuration.getMaxAttachmentSize())
                            + ". Make it smaller or share a link in your message instead.");
        }
        UploadedFiles.Checked checked;
        try {
            checked = uploads.check(fileName, content);
        } catch (ResourceException e) {
            throw new TicketException("file", e.getMessage());
        }
        long universityId = uploader.universityId();
        String key = storage.put(universityId, AREA, checked.content(), checked.contentType());
        try {
            TicketAttachment attachment = store.insert(
                    universityId,
                    ticket.id(),
                    uploader.userId(),
                    uploader.displayName(),
                    fromStaff,
                    storedName(fileName, checked.extension()),
                    checked.contentType(),
                    checked.content().length,
                    key);
            tickets.touched(universityId, ticket.id(), attachment.createdAt());
            return attachment;
        } catch (RuntimeException e) {
            storage.delete(key); // no file without its row
            throw e;
        }
    }

    private TicketAttachment existing(long universityId, long ticketId, long attachmentId) {
        return store.find(universityId, ticketId, attachmentId).orElseThrow(TicketException::notFound);
    }

    private HttpResponse<?> deliver(TicketAttachment attachment) {
        Optional<URI> signed =
                storage.downloadUrl(attachment.storageKey(), attachment.fileName(), attachment.contentType());
        if (signed.isPresent()) {
            return HttpResponse.status(HttpStatus.FOUND)
                    .header(HttpHeaders.LOCATION, signed.get().toString())
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        }
        StreamedFile file = new StreamedFile(
                storage.open(attachment.storageKey()),
                MediaType.of(attachment.contentType()),
                attachment.createdAt().toEpochMilli(),
                attachment.size());
        return HttpResponse.ok(file)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(attachment.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Security-Policy", "default-src 'none'; sandbox");
    }

    /** The uploader's name without its extension, with the extension of what the file really is. */
    static String storedName(@Nullable String fileName, String extension) {
        String name = fileName == null ? "" : fileName.strip();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (base.isBlank()) {
            base = "attachment";
        }
        if (base.length() > 150) {
            base = base.substring(0, 150);
        }
        return base + "." + extension;
    }

    long maxSize() {
        return configuration.getMaxAttachmentSize();
    }

    static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }

    static List<java.util.Map<String, Object>> views(List<TicketAttachment> attachments, String basePath) {
        return attachments.stream()
                .map(a -> java.util.Map.<String, Object>of(
                        "name", a.fileName(),
                        "size", megabytes(a.size()),
                        "by", a.uploaderName(),
                        "fromStaff", a.fromStaff(),
                        "href", basePath + "/attachments/" + a.id()))
                .toList();
    }
}
