package com.careerai.notifications;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jobrunr.scheduling.JobRequestScheduler;

/**
 * Queues email for a worker to send (with retries) and tells what became of it. This is what
 * other features call; rendering and SMTP happen in {@link SendMailJobRequest}, off the request.
 */
@Singleton
public class Mail {
    private final MailDeliveryRepository deliveries;
    private final JobRequestScheduler scheduler;
    private final SealedValues sealedValues;

    Mail(MailDeliveryRepository deliveries, JobRequestScheduler scheduler, SealedValues sealedValues) {
        this.deliveries = deliveries;
        this.scheduler = scheduler;
        this.sealedValues = sealedValues;
    }

    /**
     * Queues {@code template} to {@code to} and returns the delivery id.
     *
     * @param model values the views show, stored in the job queue as they are
     * @param secrets values the views show that must not rest in clear (sign-in codes): stored
     *     encrypted in the job and opened only by the worker that renders the email
     */
    public long send(
            long universityId,
            String to,
            MailTemplate template,
            Map<String, String> model,
            Map<String, String> secrets) {
        return send(universityId, to, template, model, secrets, List.of());
    }

    /** As {@link #send(long, String, MailTemplate, Map, Map)}, with text attachments (e.g. an {@code .ics}). */
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
        scheduler.enqueue(new SendMailJobRequest(
                universityId, delivery.id(), to, template, Map.copyOf(model), sealed, List.copyOf(attachments)));
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
