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
 * the outbox's retries). A failed attempt is recorded on the delivery row and logged, and the
 * outbox retries it; the delivery becomes SENT in the transaction that records the send, so a
 * retry after success sends nothing.
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

    MailSender(
            UniversityAdministration universities,
            MailTemplates templates,
            Mailer mailer,
            MailDeliveryRepository deliveries,
            SealedValues sealedValues,
            CareerAiConfiguration configuration) {
        this.universities = universities;
        this.templates = templates;
        this.mailer = mailer;
        this.deliveries = deliveries;
        this.sealedValues = sealedValues;
        this.configuration = configuration;
    }

    @Override
    public Class<MailQueued> eventType() {
        return MailQueued.class;
    }

    @Override
    public String name() {
        return "notifications.mail-sender";
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
        mailer.send(message(mail, university.get()));
        deliveries.markSent(universityId, mail.deliveryId(), Instant.now());
        LOG.info("Mail sent: {} of university {}", mail, universityId);
    }

    @Override
    public void failed(long universityId, UUID eventId, MailQueued mail, RuntimeException error) {
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
