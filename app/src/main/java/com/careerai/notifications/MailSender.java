package com.careerai.notifications;

import com.careerai.platform.config.CareerAiConfiguration;
import com.careerai.platform.outbox.OutboxListener;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders and sends a queued email, right after the transaction that queued it commits (or on
 * the outbox's retries). It runs outside the relay's transaction (issue 19: the SMTP conversation
 * held a pooled connection): the email is composed first, then the delivery row is leased in one
 * short statement, sent with no connection held, and marked SENT in another. A concurrent attempt
 * finds the lease and is retried later; an attempt after SENT sends nothing; a sender that dies
 * mid-send leaves a lease that expires ({@code careerai.mail.send-lease}), and the next attempt sends.
 * A failed attempt gives its lease up, is recorded on the delivery row and logged, and the outbox
 * retries it.
 */
@Singleton
class MailSender implements OutboxListener<MailQueued> {
    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);

    private final UniversityAdministration universities;
    private final MailTemplates templates;
    private final Mailer mailer;
    private final MailDeliveryRepository deliveries;
    private final SealedValues sealedValues;
    private final CareerAiConfiguration configuration;
    private final long leaseSeconds;

    MailSender(
            UniversityAdministration universities,
            MailTemplates templates,
            Mailer mailer,
            MailDeliveryRepository deliveries,
            SealedValues sealedValues,
            CareerAiConfiguration configuration,
            MailConfiguration mail) {
        this.universities = universities;
        this.templates = templates;
        this.mailer = mailer;
        this.deliveries = deliveries;
        this.sealedValues = sealedValues;
        this.configuration = configuration;
        this.leaseSeconds = Math.max(1, mail.getSendLease().toSeconds());
    }

    @Override
    public Class<MailQueued> eventType() {
        return MailQueued.class;
    }

    @Override
    public String name() {
        return "notifications.mail-sender";
    }

    /** The SMTP conversation holds no connection: the lease on the delivery row guards the send. */
    @Override
    public boolean runsInTransaction() {
        return false;
    }

    @Override
    public void on(long universityId, UUID eventId, MailQueued mail) {
        Optional<University> university = universities.findById(universityId);
        if (university.isEmpty()) {
            // Nothing to retry for: the university is gone.
            deliveries.markFailed(universityId, mail.deliveryId(), "university no longer exists");
            LOG.error("Mail not sent: {} of university {} (university no longer exists)", mail, universityId);
            return;
        }
        MailMessage message = message(mail, university.get());
        if (deliveries.lease(universityId, mail.deliveryId(), leaseSeconds) == 0) {
            Optional<MailDelivery> delivery = deliveries.findByUniversityIdAndId(universityId, mail.deliveryId());
            if (delivery.isEmpty() || delivery.get().status() == MailDelivery.Status.SENT) {
                LOG.debug("Mail already sent (or its delivery gone): {} of university {}", mail, universityId);
                return;
            }
            throw new MailBeingSentException(mail.deliveryId());
        }
        try {
            mailer.send(message);
        } catch (RuntimeException e) {
            try {
                deliveries.releaseLease(universityId, mail.deliveryId());
            } catch (RuntimeException released) {
                e.addSuppressed(released);
            }
            throw e;
        }
        deliveries.markSent(universityId, mail.deliveryId(), Instant.now());
        LOG.info("Mail sent: {} of university {}", mail, universityId);
    }

    @Override
    public void failed(long universityId, UUID eventId, MailQueued mail, RuntimeException error) {
        if (error instanceof MailBeingSentException) {
            // not a failure of the email: the attempt holding it records what becomes of it
            LOG.info("Mail being sent by another attempt: {} of university {}; tried again later", mail, universityId);
            return;
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        deliveries.markFailed(universityId, mail.deliveryId(), message.substring(0, Math.min(message.length(), 1000)));
        LOG.error(
                "Mail not sent (retried until the outbox's retries are used up): {} of university {}: {}",
                mail,
                universityId,
                message);
    }

    private MailMessage message(MailQueued mail, University university) {
        Map<String, Object> model = new HashMap<>(mail.model());
        mail.sealed().forEach((name, value) -> model.put(name, sealedValues.open(value)));
        model.put(
                "university",
                Map.of(
                        "name", university.name(),
                        "subdomain", university.subdomain(),
                        "brandColor", university.brandColor()));
        model.put("siteUrl", configuration.siteUrlOf(university.subdomain()));
        model.put("to", mail.to());
        MailTemplates.Rendered rendered = templates.render(mail.template(), model);
        return new MailMessage(
                mail.to(),
                university.name() + " Careers",
                rendered.subject(),
                rendered.html(),
                rendered.text(),
                Map.of(DevMailbox.UNIVERSITY_HEADER, university.subdomain()),
                mail.attachments());
    }
}
