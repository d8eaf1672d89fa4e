package com.careerai.support;

import com.careerai.auth.SignedInUser;
import com.careerai.notifications.Mail;
import com.careerai.notifications.MailTemplate;
import com.careerai.notifications.Notice;
import com.careerai.notifications.NoticeKind;
import com.careerai.notifications.Notifications;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Support tickets: students open them and write on them; staff reply (the student is notified,
 * by email too), add internal notes the student never sees, assign and close; a closed ticket may
 * be rated once. Timers count the university's business hours ({@link BusinessHours}).
 */
@Singleton
public class Tickets {
    static final int MAX_SUBJECT = 150;
    static final int MAX_BODY = 8000;
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** First-response and resolution timers of a ticket, in business time. */
    record Timers(
            Duration firstResponse, boolean firstResponseBreached, Duration resolution, boolean resolutionBreached) {}

    private final TicketStore store;
    private final Notifications notifications;
    private final Mail mail;
    private final AuditLog auditLog;
    private final PageReads reads;
    private final Clock clock = Clock.systemUTC();

    Tickets(TicketStore store, Notifications notifications, Mail mail, AuditLog auditLog, PageReads reads) {
        this.store = store;
        this.notifications = notifications;
        this.mail = mail;
        this.auditLog = auditLog;
        this.reads = reads;
    }

    @Transactional
    public Ticket open(SignedInUser requester, String subject, String category, String message) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanSubject = checkSubject(errors, subject);
        String cleanCategory = checkCategory(errors, category);
        String body = checkBody(errors, "message", message);
        if (!errors.isEmpty()) {
            throw new TicketException(errors);
        }
        Instant now = clock.instant();
        Ticket ticket = store.insert(
                requester.universityId(),
                requester.userId(),
                requester.email(),
                requester.displayName(),
                cleanSubject,
                cleanCategory,
                now);
        store.addMessage(
                requester.universityId(),
                ticket.id(),
                requester.userId(),
                requester.displayName(),
                "REQUESTER",
                body,
                now);
        return ticket;
    }

    /**
     * A ticket from the public contact page of the university, for someone without an account:
     * staff answer it by email. A signed-in person's ticket goes through {@link #open} instead.
     *
     * @throws TicketException with a message per invalid field
     */
    @Transactional
    public Ticket openForVisitor(
            long universityId, String name, String email, String subject, String category, String message) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 120 || cleanName.chars().anyMatch(Character::isISOControl)) {
            errors.put("name", "Enter your name (up to 120 characters).");
        }
        String cleanEmail = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (!EMAIL.matcher(cleanEmail).matches() || cleanEmail.length() > 254) {
            errors.put("email", "Enter an email address like name@example.com, so we can answer you.");
        }
        String cleanSubject = checkSubject(errors, subject);
        String cleanCategory = checkCategory(errors, category);
        String body = checkBody(errors, "message", message);
        if (!errors.isEmpty()) {
            throw new TicketException(errors);
        }
        Instant now = clock.instant();
        Ticket ticket = store.insert(universityId, null, cleanEmail, cleanName, cleanSubject, cleanCategory, now);
        store.addMessage(universityId, ticket.id(), null, cleanName, "REQUESTER", body, now);
        return ticket;
    }

    /** The requester's own ticket, or 404 (someone else's, another university's). */
    public Ticket mine(SignedInUser requester, long id) {
        return reads.read(TicketStore.findRead(requester.universityId(), id))
                .filter(t -> t.requesterId() != null && t.requesterId() == requester.userId())
                .orElseThrow(TicketException::notFound);
    }

    /** The requester's own tickets, latest activity first. */
    public List<Ticket> mine(SignedInUser requester, int limit, long offset) {
        return reads.read(TicketStore.ofRequesterRead(requester.universityId(), requester.userId(), limit, offset));
    }

    /** What {@link #mine(SignedInUser, int, long)} reads, for a page to send with the header's (ADR 0076). */
    List<PageRead<?>> mineReads(SignedInUser requester, int limit, long offset) {
        return List.of(TicketStore.ofRequesterRead(requester.universityId(), requester.userId(), limit, offset));
    }

    @Transactional
    public void requesterWrites(SignedInUser requester, long id, String message) {
        Ticket ticket = mine(requester, id);
        Map<String, String> errors = new LinkedHashMap<>();
        String body = checkBody(errors, "message", message);
        if (!errors.isEmpty()) {
            throw new TicketException(errors);
        }
        if (ticket.status() == Ticket.Status.CLOSED) {
            throw new TicketException("message", "This ticket is closed. Open a new one if you need more help.");
        }
        Instant now = clock.instant();
        store.addMessage(
                requester.universityId(), id, requester.userId(), requester.displayName(), "REQUESTER", body, now);
        store.requesterWrote(requester.universityId(), id, now);
    }

    /** Rates a resolved or closed ticket 1–5, once. */
    @Transactional
    public void rate(SignedInUser requester, long id, int csat) {
        Ticket ticket = mine(requester, id);
        if (csat < 1 || csat > 5) {
            throw new TicketException("rating", "Choose a rating from 1 to 5.");
        }
        if (!ticket.finished()) {
            throw new TicketException("rating", "You can rate the help once the ticket is resolved.");
        }
        if (!store.rate(requester.universityId(), id, csat)) {
            throw new TicketException("rating", "You have already rated this ticket.");
        }
    }

    // --- staff ---------------------------------------------------------------------------------

    public Ticket find(long universityId, long id) {
        return reads.read(TicketStore.findRead(universityId, id)).orElseThrow(TicketException::notFound);
    }

    /**
     * What a ticket's page reads, for it to send with the header's reads in one round trip (ADR 0076): the
     * ticket, its conversation (staff's internal notes for {@code staff}), its files and, for staff, the
     * business hours its timers count in. Someone else's ticket is read too, and then answered 404.
     */
    List<PageRead<?>> conversationReads(long universityId, long id, boolean staff) {
        List<PageRead<?>> page = new java.util.ArrayList<>(List.of(
                TicketStore.findRead(universityId, id),
                TicketStore.messagesRead(universityId, id, staff),
                TicketAttachmentStore.ofTicketRead(universityId, id)));
        if (staff) {
            page.add(TicketStore.settingsRead(universityId));
        }
        return page;
    }

    /**
     * A page of the staff queue: filtered (null = any; assignee 0 = unassigned), {@code limit} tickets from
     * {@code offset}, open work first, oldest waiting first.
     */
    public record QueuePage(
            long universityId,
            @Nullable String status,
            @Nullable String category,
            @Nullable Long assignee,
            int limit,
            long offset) {
        PageRead<List<Ticket>> read() {
            return TicketStore.queueRead(universityId, status, category, assignee, limit, offset);
        }
    }

    public List<Ticket> queue(QueuePage page) {
        return reads.read(page.read());
    }

    /**
     * What the staff queue reads, for the page to send with the header's reads in one round trip (ADR 0076):
     * the university's business hours (its timers) and the page of tickets.
     */
    List<PageRead<?>> queueReads(QueuePage page) {
        return List.of(TicketStore.settingsRead(page.universityId()), page.read());
    }

    /** Sends {@link #queueReads} ahead, for a GET that is not a page with a header (the queue's API). */
    void prefetch(QueuePage page) {
        reads.prefetch(queueReads(page));
    }

    public List<Ticket.Message> messages(long universityId, long id, boolean withInternal) {
        return reads.read(TicketStore.messagesRead(universityId, id, withInternal));
    }

    /** How many tickets are open, as a page's read (ADR 0076): the staff home's panel. */
    public PageRead<Long> openCountRead(long universityId) {
        return TicketStore.countOpenRead(universityId);
    }

    /** A staff reply (shown to the requester and notified, email included) or an internal note. */
    @Transactional
    public void staffWrites(SignedInUser staff, long id, String message, boolean internal) {
        Ticket ticket = store.lock(staff.universityId(), id).orElseThrow(TicketException::notFound);
        Map<String, String> errors = new LinkedHashMap<>();
        String body = checkBody(errors, "message", message);
        if (!errors.isEmpty()) {
            throw new TicketException(errors);
        }
        Instant now = clock.instant();
        store.addMessage(
                staff.universityId(),
                id,
                staff.userId(),
                staff.displayName(),
                internal ? "INTERNAL_NOTE" : "REPLY",
                body,
                now);
        if (internal) {
            store.touched(staff.universityId(), id, now);
            return;
        }
        store.replied(staff.universityId(), id, now);
        if (ticket.requesterId() == null) {
            // a visitor from the contact page has no account: the reply goes to them by email
            mail.send(
                    staff.universityId(),
                    ticket.requesterEmail(),
                    MailTemplate.SUPPORT,
                    Map.of(
                            "subject",
                            "Re: " + ticket.subject() + " [#" + id + "]",
                            "name",
                            ticket.requesterName(),
                            "heading",
                            "Our answer to your question \u201c" + ticket.subject() + "\u201d",
                            "body",
                            body,
                            "footnote",
                            "Need more help? Write to us again from our contact page and mention ticket #" + id + ".",
                            "link",
                            "/contact/support",
                            "linkLabel",
                            "Contact us"),
                    Map.of());
        } else {
            notifications.publish(
                    staff.universityId(),
                    ticket.requesterId(),
                    new Notice(
                            NoticeKind.TICKET,
                            "Reply to your ticket: " + ticket.subject(),
                            body.length() > 600 ? body.substring(0, 600) + "…" : body,
                            "/support/" + id,
                            true));
        }
    }

    @Transactional
    public void assign(SignedInUser staff, long id, @Nullable Long assignee) {
        find(staff.universityId(), id);
        store.assign(staff.universityId(), id, assignee);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ticket", id);
        details.put("assignee", assignee == null ? "nobody" : assignee);
        auditLog.record(staff.universityId(), "user:" + staff.userId(), "ticket.assigned", details);
    }

    /**
     * Marks a ticket resolved (the resolution timer stops; the requester is told and may rate it).
     * The requester writing again reopens it; closing makes it final.
     */
    @Transactional
    public void resolve(SignedInUser staff, long id) {
        Ticket ticket = find(staff.universityId(), id);
        if (ticket.status() == Ticket.Status.CLOSED) {
            throw new TicketException("status", "This ticket is closed already.");
        }
        if (store.resolve(staff.universityId(), id, clock.instant())) {
            auditLog.record(staff.universityId(), "user:" + staff.userId(), "ticket.resolved", Map.of("ticket", id));
            if (ticket.requesterId() != null) {
                notifications.publish(
                        staff.universityId(),
                        ticket.requesterId(),
                        new Notice(
                                NoticeKind.TICKET,
                                "Ticket resolved: " + ticket.subject(),
                                "We think this is solved. Reply on the ticket if it is not, or rate the help you got.",
                                "/support/" + id,
                                false));
            }
        }
    }

    @Transactional
    public void close(SignedInUser staff, long id) {
        Ticket ticket = find(staff.universityId(), id);
        if (ticket.status() != Ticket.Status.CLOSED) {
            store.close(staff.universityId(), id, clock.instant());
            auditLog.record(staff.universityId(), "user:" + staff.userId(), "ticket.closed", Map.of("ticket", id));
        }
    }

    SupportSettings settings(long universityId) {
        return reads.read(TicketStore.settingsRead(universityId));
    }

    @Transactional
    void saveSettings(long universityId, SupportSettings settings, String actor) {
        store.saveSettings(universityId, settings);
        auditLog.record(universityId, actor, "support.settings", Map.of("timeZone", settings.timeZone()));
    }

    /** The ticket's timers now, against the university's targets. */
    Timers timers(SupportSettings settings, Ticket ticket) {
        return timers(settings, ticket, clock.instant());
    }

    /** The ticket's timers at {@code now}: business time to the first reply and to resolution. */
    static Timers timers(SupportSettings settings, Ticket ticket, Instant now) {
        BusinessHours hours = settings.hours();
        Duration first =
                hours.between(ticket.createdAt(), ticket.firstResponseAt() != null ? ticket.firstResponseAt() : now);
        Instant end = ticket.resolvedAt() != null ? ticket.resolvedAt() : now;
        Duration resolution = hours.between(ticket.createdAt(), end);
        return new Timers(
                first,
                first.compareTo(settings.firstResponseTarget()) > 0,
                resolution,
                resolution.compareTo(settings.resolutionTarget()) > 0);
    }

    private static String checkSubject(Map<String, String> errors, @Nullable String subject) {
        String cleanSubject = subject == null ? "" : subject.strip();
        if (cleanSubject.isEmpty() || cleanSubject.length() > MAX_SUBJECT) {
            errors.put("subject", "Write a subject of up to " + MAX_SUBJECT + " characters.");
        }
        return cleanSubject;
    }

    private static String checkCategory(Map<String, String> errors, @Nullable String category) {
        String cleanCategory = category == null ? "" : category.strip().toLowerCase(java.util.Locale.ROOT);
        if (!Ticket.CATEGORIES.contains(cleanCategory)) {
            errors.put("category", "Choose one of: " + String.join(", ", Ticket.CATEGORIES) + ".");
        }
        return cleanCategory;
    }

    private static String checkBody(Map<String, String> errors, String field, @Nullable String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            errors.put(field, "Write a message.");
        } else if (body.length() > MAX_BODY) {
            errors.put(field, "Keep the message under " + MAX_BODY + " characters.");
        }
        return body;
    }
}
