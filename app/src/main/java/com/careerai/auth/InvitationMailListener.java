package com.careerai.auth;

import com.careerai.notifications.Mail;
import com.careerai.notifications.MailTemplate;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Emails an invitation once the transaction that stored it has committed ({@code Invitations.invite}
 * always publishes inside one; an event published outside a transaction is skipped by Micronaut).
 */
@Singleton
class InvitationMailListener {
    private final Mail mail;

    InvitationMailListener(Mail mail) {
        this.mail = mail;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
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
