package com.careerai.auth;

import com.careerai.notifications.Mail;
import com.careerai.notifications.MailTemplate;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Queues the invitation email inside the transaction that stores the invitation
 * ({@code Invitations.invite} publishes inside one): {@link Mail#send} joins it, so the email is
 * sent after commit, and never for an invitation that rolled back.
 */
@Singleton
class InvitationMailListener {
    private final Mail mail;

    InvitationMailListener(Mail mail) {
        this.mail = mail;
    }

    @EventListener
    void onInvitationCreated(InvitationCreated event) {
        mail.send(
                event.universityId(),
                event.email(),
                MailTemplate.INVITATION,
                Map.of("role", roleName(event.role()), "roleArticle", roleWithArticle(event.role())),
                Map.of());
    }

    static String roleName(Role role) {
        return switch (role) {
            case STAFF -> "staff";
            case COUNSELLOR -> "counsellor";
            case STUDENT -> "student";
        };
    }

    static String roleWithArticle(Role role) {
        return switch (role) {
            case STAFF -> "a staff member";
            case COUNSELLOR -> "a counsellor";
            case STUDENT -> "a student";
        };
    }
}
