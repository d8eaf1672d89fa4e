package com.careerai.auth;

import com.careerai.platform.audit.AuditLog;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Invitations of staff and counsellors (created by staff pages and tenant-admin). */
@Singleton
public class Invitations {
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);

    private final InvitationRepository invitations;
    private final ApplicationEventPublisher<InvitationCreated> events;
    private final AuditLog auditLog;

    Invitations(
            InvitationRepository invitations, ApplicationEventPublisher<InvitationCreated> events, AuditLog auditLog) {
        this.invitations = invitations;
        this.events = events;
        this.auditLog = auditLog;
    }

    /**
     * Invites {@code email} to {@code role}; an existing pending invitation for the same role is
     * returned instead of a second one.
     */
    @Transactional
    public Invitation invite(long universityId, String email, Role role, String invitedBy) {
        String normalised = UserAccounts.normalise(email);
        Instant now = Instant.now();
        Optional<Invitation> pending =
                invitations.findByUniversityIdAndEmailOrderByCreatedAtDesc(universityId, normalised).stream()
                        .filter(invitation -> invitation.role() == role && invitation.isPending(now))
                        .findFirst();
        if (pending.isPresent()) {
            return pending.get();
        }
        Invitation saved = invitations.save(new Invitation(
                null, universityId, normalised, role, invitedBy, now.plus(DEFAULT_VALIDITY), null, null));
        events.publishEvent(new InvitationCreated(universityId, saved.id(), normalised, role));
        if (role != Role.STUDENT) {
            // an invitation is how staff and counsellor roles are given: a role change in waiting
            auditLog.record(
                    universityId,
                    invitedBy,
                    "user.invited",
                    Map.of("invitation", saved.id(), "email", normalised, "role", role.name()));
        }
        return saved;
    }

    /**
     * Invites every address to {@code role} in one transaction: all of them are stored and their
     * emails queued, or (when anything fails) none. Addresses must be parsed already.
     */
    @Transactional
    public List<Invitation> inviteAll(long universityId, List<String> emails, Role role, String invitedBy) {
        return emails.stream()
                .map(email -> invite(universityId, email, role, invitedBy))
                .toList();
    }

    /** The newest pending invitation of {@code email}, if any. */
    public Optional<Invitation> pendingFor(long universityId, String email) {
        Instant now = Instant.now();
        return invitations
                .findByUniversityIdAndEmailOrderByCreatedAtDesc(universityId, UserAccounts.normalise(email))
                .stream()
                .filter(invitation -> invitation.isPending(now))
                .findFirst();
    }

    public List<Invitation> list(long universityId) {
        return invitations.findByUniversityIdOrderByCreatedAtDesc(universityId);
    }

    /** Marks the invitation used; false when it was already accepted. */
    @Transactional
    public boolean accept(long universityId, long invitationId) {
        return invitations.markAccepted(universityId, invitationId, Instant.now()) == 1;
    }
}
