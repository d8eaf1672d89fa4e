package com.careerai.auth;

import com.careerai.platform.audit.AuditLog;
import com.careerai.tenancy.University;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who may sign in to a university, and what a successful sign-in does: the first one creates the
 * user (role from a pending invitation, else STUDENT) and publishes {@link UserSignedUp}; every one
 * marks the address verified and accepts a pending invitation.
 *
 * <p>An address may sign in when its domain is one of the university's {@code allowed_domains}
 * (exactly: a subdomain must be listed itself), or when it has a pending invitation or an account
 * there (invited staff and counsellors use any address).
 */
@Singleton
public class SignInService {
    private final UserRepository users;
    private final Invitations invitations;
    private final ApplicationEventPublisher<UserSignedUp> events;
    private final AuditLog auditLog;
    private final com.careerai.auth.session.SessionStore sessions;
    private final UserAccounts accounts;

    SignInService(
            UserRepository users,
            Invitations invitations,
            ApplicationEventPublisher<UserSignedUp> events,
            AuditLog auditLog,
            com.careerai.auth.session.SessionStore sessions,
            UserAccounts accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.users = users;
        this.invitations = invitations;
        this.events = events;
        this.auditLog = auditLog;
    }

    /** Whether the domain is one of the university's student domains. */
    public static boolean isAllowedDomain(University university, String domain) {
        String wanted = domain.toLowerCase(Locale.ROOT);
        return university.allowedDomains().stream()
                .map(allowed -> allowed.trim().toLowerCase(Locale.ROOT))
                .anyMatch(wanted::equals);
    }

    /**
     * Refuses an address that may not sign in here.
     *
     * @param email a parsed address ({@link EmailAddresses#parse})
     * @throws SignInException 403 {@code domain_not_allowed}
     */
    public void checkMaySignIn(University university, String email) {
        Optional<User> existing = users.findByUniversityIdAndEmail(university.id(), email);
        if (existing.isPresent() && !existing.get().active()) {
            throw SignInException.deactivated(university.name());
        }
        if (isAllowedDomain(university, EmailAddresses.domainOf(email))) {
            return;
        }
        if (invitations.pendingFor(university.id(), email).isPresent() || existing.isPresent()) {
            return;
        }
        throw SignInException.domainNotAllowed(university.name(), university.allowedDomains());
    }

    /** Completes a sign-in by a verified one-time code sent to {@code email}. */
    @Transactional
    public User completeEmailSignIn(University university, String email) {
        checkMaySignIn(university, email);
        Optional<User> existing = users.findByUniversityIdAndEmail(university.id(), email);
        return signIn(university, email, null, existing);
    }

    /**
     * Completes a Google sign-in of a verified address: the user linked to {@code googleId}, else
     * the user with that address (then linked), else a new user.
     *
     * @param hostedDomain Google's {@code hd} claim (Workspace domain), when present
     * @throws SignInException 403 when the address may not sign in, or 409 when the address's
     *     user is linked to a different Google account
     */
    @Transactional
    public User completeGoogleSignIn(
            University university,
            String googleId,
            String email,
            @Nullable String hostedDomain,
            @Nullable String name) {
        Optional<User> linked = users.findByUniversityIdAndGoogleId(university.id(), googleId);
        if (linked.isPresent() && !linked.get().active()) {
            throw SignInException.deactivated(university.name());
        }
        if (linked.isPresent()) {
            return signIn(university, linked.get().email(), name, linked);
        }
        checkMaySignIn(university, email);
        // A student's Workspace domain (hd) must be allowed too; invited addresses are let in by invitation.
        boolean byDomain = isAllowedDomain(university, EmailAddresses.domainOf(email));
        if (hostedDomain != null && byDomain && !isAllowedDomain(university, hostedDomain)) {
            throw SignInException.domainNotAllowed(university.name(), university.allowedDomains());
        }
        Optional<User> byEmail = users.findByUniversityIdAndEmail(university.id(), email);
        User user = signIn(university, email, name, byEmail);
        long linkedRows = users.linkGoogle(university.id(), user.id(), googleId);
        accounts.changed(university.id(), user.id());
        if (linkedRows != 1) {
            throw new SignInException(
                    HttpStatus.CONFLICT,
                    "google_account_conflict",
                    "This address is already linked to a different Google account. Sign in with a code sent by email instead.",
                    null);
        }
        return users.findByUniversityIdAndId(university.id(), user.id()).orElseThrow();
    }

    private User signIn(University university, String email, @Nullable String name, Optional<User> existing) {
        long universityId = university.id();
        Optional<Invitation> invitation = invitations.pendingFor(universityId, email);
        Instant now = Instant.now();
        User user;
        if (existing.isPresent()) {
            user = existing.get();
            if (invitation.isPresent() && invitation.get().role() != user.role()) {
                users.changeRole(
                        universityId, user.id(), invitation.get().role().name());
                auditLog.record(
                        universityId,
                        "user:" + user.id(),
                        "user.role.changed",
                        Map.of(
                                "from", user.role().name(),
                                "to", invitation.get().role().name(),
                                "invitation", invitation.get().id()));
                // Sessions opened under the old role end; the one this sign-in opens is new.
                sessions.revokeAll(universityId, user.id());
            }
            users.markSignedIn(universityId, user.id(), now, blankToNull(name));
        } else {
            Role role = invitation.map(Invitation::role).orElse(Role.STUDENT);
            user = users.save(new User(
                    null, universityId, email, blankToNull(name), role, true, null, null, now, null, null, false));
            events.publishEvent(new UserSignedUp(universityId, user.id(), role));
        }
        invitation.ifPresent(accepted -> invitations.accept(universityId, accepted.id()));
        accounts.changed(universityId, user.id());
        return users.findByUniversityIdAndId(universityId, user.id()).orElseThrow();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
    }
}
