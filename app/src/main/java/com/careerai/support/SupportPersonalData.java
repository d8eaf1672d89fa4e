package com.careerai.support;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.storage.FileStorage;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The support feature's share of a person's data: the tickets they opened (signed in, or from the
 * contact page with their email address) with every message — staff's internal notes about them
 * included — and attached file; and, for staff, what they wrote or attached on others' tickets.
 * Erasure deletes the person's tickets with their files, and on others' tickets removes their name,
 * their words and their files (the conversation stays for the other person, de-identified).
 */
@Singleton
class SupportPersonalData implements PersonalData {
    static final String REMOVED = "[removed at the author's request]";

    private final TicketStore tickets;
    private final TicketAttachmentStore attachments;
    private final FileStorage storage;
    private final UserAccounts users;

    SupportPersonalData(
            TicketStore tickets, TicketAttachmentStore attachments, FileStorage storage, UserAccounts users) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.storage = storage;
        this.users = users;
    }

    @Override
    public String key() {
        return "support";
    }

    @Override
    @Transactional(readOnly = true)
    public Part export(long universityId, long userId) {
        List<Map<String, Object>> records = new ArrayList<>();
        List<File> files = new ArrayList<>();
        for (Ticket ticket : ticketsOf(universityId, userId)) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", ticket.id());
            record.put("subject", ticket.subject());
            record.put("category", ticket.category());
            record.put("status", ticket.status().name());
            record.put("requesterName", ticket.requesterName());
            record.put("requesterEmail", ticket.requesterEmail());
            record.put("rating", ticket.csat());
            record.put("openedAt", ticket.createdAt().toString());
            record.put(
                    "messages",
                    tickets.messages(universityId, ticket.id(), true).stream()
                            .map(m -> Map.<String, Object>of(
                                    "author", m.authorName(),
                                    "kind", m.kind(),
                                    "body", m.body(),
                                    "at", m.at().toString()))
                            .toList());
            List<TicketAttachment> attached = attachments.ofTicket(universityId, ticket.id());
            record.put(
                    "attachments",
                    attached.stream()
                            .map(a -> Map.<String, Object>of(
                                    "file", "ticket-" + ticket.id() + "-" + a.id() + "-" + a.fileName(),
                                    "by", a.uploaderName(),
                                    "at", a.createdAt().toString()))
                            .toList());
            for (TicketAttachment a : attached) {
                files.add(new File(
                        a.storageKey(), "ticket-" + ticket.id() + "-" + a.id() + "-" + a.fileName(), a.contentType()));
            }
            records.add(record);
        }
        List<Map<String, Object>> written = tickets.writtenOnOthers(universityId, userId).stream()
                .map(m -> Map.<String, Object>of("kind", m.kind(), "body", m.body(), "at", m.at().toString()))
                .toList();
        if (records.isEmpty() && written.isEmpty()) {
            return Part.empty();
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("tickets", records);
        all.put("writtenOnOtherTickets", written);
        return new Part(all, files);
    }

    @Override
    @Transactional
    public void erase(long universityId, long userId) {
        for (Ticket ticket : ticketsOf(universityId, userId)) {
            for (TicketAttachment a : attachments.ofTicket(universityId, ticket.id())) {
                storage.delete(a.storageKey());
            }
            attachments.deleteOfTicket(universityId, ticket.id());
            tickets.delete(universityId, ticket.id());
        }
        for (TicketAttachment a : attachments.uploadedBy(universityId, userId)) {
            storage.delete(a.storageKey());
            attachments.delete(universityId, a.id());
        }
        tickets.deIdentifyAuthor(universityId, userId, REMOVED);
    }

    /** The tickets the person opened: signed in, or from the contact page with their address. */
    private List<Ticket> ticketsOf(long universityId, long userId) {
        Optional<String> email = users.find(universityId, userId).map(User::email);
        return tickets.ofPerson(universityId, userId, email.orElse(null));
    }
}
