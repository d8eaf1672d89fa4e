package com.careerai.notifications;

import com.careerai.platform.outbox.Outbox;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queues email and tells what became of it. This is what other features call. The delivery row
 * and a {@link MailQueued} outbox event are written in the caller's transaction (or a new one),
 * so an email is queued exactly when the caller's change commits; right after commit
 * {@link MailSender} renders and sends it, with the outbox's job as the retry path.
 */
@Singleton
public class Mail {
    private final MailDeliveryRepository deliveries;
    private final Outbox outbox;
    private final SealedValues sealedValues;

    Mail(MailDeliveryRepository deliveries, Outbox outbox, SealedValues sealedValues) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.sealedValues = sealedValues;
    }

    /**
     * Queues {@code template} to {@code to} in the current transaction (joined, or a new one) and
     * returns the delivery id. Nothing is sent if that transaction rolls back.
     *
     * @param model values the views show, stored in the outbox as they are
     * @param secrets values the views show that must not rest in clear (sign-in codes): stored
     *     encrypted and opened only when the email is rendered
     */
    @Transactional
    public long send(
            long universityId,
            String to,
            MailTemplate template,
            Map<String, String> model,
            Map<String, String> secrets) {
        return send(universityId, to, template, model, secrets, List.of());
    }

    /**
     * As {@link #send(long, String, MailTemplate, Map, Map)}, with small text attachments (an
     * {@code .ics} invitation), which travel with the outbox event.
     */
    @Transactional
    public long send(
            long universityId,
            String to,
            MailTemplate template,
            Map<String, String> model,
            Map<String, String> secrets,
            List<MailAttachment> attachments) {
        MailDelivery delivery = deliveries.save(new MailDelivery(
                null, universityId, to, template.name(), MailDelivery.Status.QUEUED, 0, null, null, null));
        Map<String, String> sealed = new LinkedHashMap<>();
        secrets.forEach((name, value) -> sealed.put(name, sealedValues.seal(value)));
        outbox.record(
                universityId,
                new MailQueued(
                        delivery.id(), to, template, Map.copyOf(model), Map.copyOf(sealed), List.copyOf(attachments)));
        return delivery.id();
    }

    public Optional<MailDelivery> find(long universityId, long deliveryId) {
        return deliveries.findByUniversityIdAndId(universityId, deliveryId);
    }

    /** Deliveries to one address in one university, newest first. */
    public List<MailDelivery> sentTo(long universityId, String recipient) {
        return deliveries.findByUniversityIdAndRecipientOrderByCreatedAtDesc(universityId, recipient);
    }
}
