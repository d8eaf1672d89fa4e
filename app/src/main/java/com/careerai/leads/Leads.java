package com.careerai.leads;

import com.careerai.auth.Invitation;
import com.careerai.auth.Invitations;
import com.careerai.auth.Role;
import com.careerai.courses.CourseOffers;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.outbox.Outbox;
import com.careerai.platform.web.PageReads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A university's leads: inquiries from its public pages become leads (a second inquiry with the
 * same email or phone is merged into the first), each new lead gets its automatic follow-up through
 * {@link LeadReceived}; staff move leads across the board, add notes and convert them.
 */
@Singleton
public class Leads {
    static final int MAX_NAME = 120;
    static final int MAX_MESSAGE = 4000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** What an inquiry became: the lead and whether it was merged into an existing one. */
    public record Received(long leadId, boolean merged) {}

    private final LeadStore store;
    private final Outbox outbox;
    private final CourseOffers courses;
    private final Invitations invitations;
    private final AuditLog auditLog;
    private final PageReads reads;

    Leads(
            LeadStore store,
            Outbox outbox,
            CourseOffers courses,
            Invitations invitations,
            AuditLog auditLog,
            PageReads reads) {
        this.store = store;
        this.reads = reads;
        this.outbox = outbox;
        this.courses = courses;
        this.invitations = invitations;
        this.auditLog = auditLog;
    }

    /**
     * Records an inquiry: validated (phone to E.164, consent required), merged into an existing lead
     * with the same email or phone, or a new lead whose follow-up starts after commit.
     *
     * @throws LeadException with a message per invalid field
     */
    @Transactional
    Received receive(com.careerai.tenancy.University university, Inquiry submitted) {
        long universityId = university.id();
        LeadSettings settings = store.settings(universityId);
        Inquiry inquiry = validated(universityId, submitted);
        String phone = PhoneNumbers.e164(inquiry.phone(), settings.defaultRegion());
        Optional<Lead> existing = store.duplicateOf(universityId, inquiry.email(), phone);
        if (existing.isEmpty()) {
            Optional<Lead> created = store.insert(universityId, inquiry, phone, java.time.Instant.now());
            if (created.isPresent()) {
                long id = created.get().id();
                outbox.record(universityId, new LeadReceived(id, university.name(), university.subdomain()));
                return new Received(id, false);
            }
            // the same person's other inquiry made the lead meanwhile (unique email / phone, V68)
            existing = store.duplicateOf(universityId, inquiry.email(), phone);
        }
        long id = existing.orElseThrow(() -> new IllegalStateException("lead vanished during merge"))
                .id();
        store.merged(universityId, id, inquiry);
        store.addNote(universityId, id, "inquiry", noteOf(inquiry, phone));
        return new Received(id, true);
    }

    /** Validates everything but the phone; collects every field's message at once. */
    Inquiry validated(long universityId, Inquiry inquiry) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = clean(inquiry.name());
        String email = clean(inquiry.email());
        if (name.isEmpty()) {
            errors.put("name", "Enter your name.");
        } else if (name.length() > MAX_NAME) {
            errors.put("name", "Keep your name under " + MAX_NAME + " characters.");
        }
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            errors.put("email", "Enter an email address like name@example.com.");
        }
        try {
            PhoneNumbers.e164(inquiry.phone(), store.settings(universityId).defaultRegion());
        } catch (LeadException e) {
            errors.putAll(e.fields());
        }
        String interest = blankToNull(clean(inquiry.interest()));
        if (interest != null && interest.length() > 120) {
            errors.put("interest", "Keep this under 120 characters.");
        }
        String courseTitle = null;
        if (inquiry.courseId() != null) {
            Optional<CourseOffers.PublicCourse> course = courses.publicCourse(universityId, inquiry.courseId());
            if (course.isEmpty()) {
                errors.put("course", "Choose one of the courses listed.");
            } else {
                courseTitle = course.get().title();
            }
        }
        String message =
                blankToNull(inquiry.message() == null ? null : inquiry.message().strip());
        if (message != null && message.length() > MAX_MESSAGE) {
            errors.put("message", "Keep your message under " + MAX_MESSAGE + " characters.");
        }
        if (!inquiry.consent()) {
            errors.put("consent", "Tick the box to let us contact you, or we cannot reply.");
        }
        if (hasControlCharacters(name) || hasControlCharacters(email)) {
            errors.put("name", "Remove the control characters.");
        }
        if (!errors.isEmpty()) {
            throw new LeadException(errors);
        }
        return new Inquiry(
                name,
                email.toLowerCase(java.util.Locale.ROOT),
                inquiry.phone(),
                interest,
                inquiry.courseId(),
                courseTitle,
                message,
                true);
    }

    /** Whether a lead with this email exists (demo data is seeded once). */
    @Transactional
    boolean exists(long universityId, String email) {
        return store.duplicateOf(universityId, email, "").isPresent();
    }

    public Optional<Lead> find(long universityId, long id) {
        return reads.read(LeadStore.findRead(universityId, id));
    }

    @Transactional(readOnly = true)
    public List<Lead> list(long universityId, @Nullable LeadStatus status, int limit, long offset) {
        return store.list(universityId, status, limit, offset);
    }

    /**
     * What the board reads — the count of every column, a page of each column shown, the speed to lead —
     * for the page to send in one round trip (ADR 0076); each is then read by the methods below.
     */
    List<PageRead<?>> boardReads(long universityId, List<LeadStatus> shown, int limit, long offset) {
        List<PageRead<?>> board = new ArrayList<>();
        board.add(LeadStore.countsByStatus(universityId));
        shown.forEach(status -> board.add(LeadStore.column(universityId, status, limit, offset)));
        board.add(LeadStore.speed(universityId));
        return board;
    }

    /** How many leads each column holds (a column without leads is absent). */
    Map<LeadStatus, Long> countsByStatus(long universityId) {
        return reads.read(LeadStore.countsByStatus(universityId));
    }

    /** A page of one column, most recently changed first. */
    List<Lead> column(long universityId, LeadStatus status, int limit, long offset) {
        return reads.read(LeadStore.column(universityId, status, limit, offset));
    }

    public List<CommunicationLog> communications(long universityId, long leadId) {
        return reads.read(LeadStore.logsRead(universityId, leadId));
    }

    List<LeadStore.Note> notes(long universityId, long leadId) {
        return reads.read(LeadStore.notesRead(universityId, leadId));
    }

    /**
     * What a lead's page reads — the lead, its messages and its notes — for the page to send with the
     * header's reads in one round trip (ADR 0076).
     */
    List<PageRead<?>> leadReads(long universityId, long id) {
        return List.of(
                LeadStore.findRead(universityId, id),
                LeadStore.logsRead(universityId, id),
                LeadStore.notesRead(universityId, id));
    }

    /** Speed to lead over the last 30 days. */
    LeadStore.Speed speed(long universityId) {
        return reads.read(LeadStore.speed(universityId));
    }

    @Transactional(readOnly = true)
    public LeadSettings settings(long universityId) {
        return store.settings(universityId);
    }

    /** Moves a lead to another column (audited). */
    @Transactional
    public Lead move(long universityId, long id, LeadStatus status, String actor) {
        Lead lead = existing(universityId, id);
        if (lead.status() != status) {
            store.setStatus(universityId, id, status);
            auditLog.record(
                    universityId,
                    actor,
                    "lead.status",
                    Map.of("lead", id, "from", lead.status().name(), "to", status.name()));
        }
        return existing(universityId, id);
    }

    @Transactional
    public void addNote(long universityId, long id, String author, String body) {
        existing(universityId, id);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new LeadException("note", "Write a note first.");
        }
        if (text.length() > MAX_MESSAGE) {
            throw new LeadException("note", "Keep the note under " + MAX_MESSAGE + " characters.");
        }
        store.addNote(universityId, id, author, text);
    }

    /**
     * Converts a lead: an invitation to sign up as a student and, when the lead asked about a
     * course, a place held in its next batch; the lead moves to ENROLLED (audited).
     */
    @Transactional
    public Lead convert(long universityId, long id, String actor) {
        Lead lead = existing(universityId, id);
        if (lead.invitationId() != null) {
            return lead;
        }
        Invitation invitation = invitations.invite(universityId, lead.email(), Role.STUDENT, actor);
        Long reservation = lead.courseId() == null
                ? null
                : courses.reservePlace(universityId, lead.courseId(), lead.email())
                        .orElse(null);
        store.converted(universityId, id, invitation.id(), reservation);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lead", id);
        details.put("invitation", invitation.id());
        if (reservation != null) {
            details.put("reservation", reservation);
        }
        auditLog.record(universityId, actor, "lead.converted", details);
        return existing(universityId, id);
    }

    @Transactional
    public void saveSettings(long universityId, LeadSettings settings, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String region = blankToNull(clean(settings.defaultRegion()));
        if (region != null) {
            region = region.toUpperCase(java.util.Locale.ROOT);
            if (!PhoneNumbers.knownRegion(region)) {
                errors.put("defaultRegion", "Use a two-letter country code such as GB, IN or US.");
            }
        }
        checkTemplate(errors, "whatsappTemplate", settings.whatsappTemplate());
        checkTemplate(errors, "callScript", settings.callScript());
        if (!errors.isEmpty()) {
            throw new LeadException(errors);
        }
        store.saveSettings(
                universityId,
                new LeadSettings(
                        region,
                        settings.whatsappTemplate().strip(),
                        settings.callScript().strip()));
        auditLog.record(universityId, actor, "lead.settings", Map.of("defaultRegion", region == null ? "" : region));
    }

    private static void checkTemplate(Map<String, String> errors, String field, @Nullable String template) {
        String text = template == null ? "" : template.strip();
        if (text.isEmpty() || text.length() > 1000) {
            errors.put(field, "Write between 1 and 1000 characters.");
            return;
        }
        List<String> unknown = PlainTemplate.unknownPlaceholders(text);
        if (!unknown.isEmpty()) {
            errors.put(
                    field,
                    "Unknown placeholder {{" + unknown.get(0) + "}}: use {{name}}, {{topic}} or {{university}}.");
        }
    }

    /** The lead, or a 404 problem (also for another university's id). */
    Lead existing(long universityId, long id) {
        return find(universityId, id).orElseThrow(LeadProblem::notFound);
    }

    private static String noteOf(Inquiry inquiry, String phone) {
        StringBuilder note = new StringBuilder("Asked again");
        note.append(" (").append(inquiry.email()).append(", ").append(phone).append(")");
        if (inquiry.courseTitle() != null || inquiry.interest() != null) {
            note.append(" about ").append(inquiry.courseTitle() != null ? inquiry.courseTitle() : inquiry.interest());
        }
        if (inquiry.message() != null) {
            note.append(": ").append(inquiry.message());
        }
        return note.length() > MAX_MESSAGE ? note.substring(0, MAX_MESSAGE) : note.toString();
    }

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static String clean(@Nullable String text) {
        return text == null ? "" : text.strip();
    }

    @Nullable
    private static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
