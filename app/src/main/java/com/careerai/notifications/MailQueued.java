package com.careerai.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * An email was queued ({@link Mail#send}); {@link MailSender} sends it. Recorded in the outbox, so
 * the payload rests in the database: {@code sealed} holds values encrypted by {@link SealedValues}.
 *
 * @param deliveryId the {@code mail_deliveries} row
 * @param to recipient
 * @param template what to send
 * @param model values for the views
 * @param sealed values for the views, encrypted
 * @param attachments small text attachments (an iCalendar invitation), possibly none
 */
@Serdeable
record MailQueued(
        long deliveryId,
        String to,
        MailTemplate template,
        @Nullable Map<String, String> model,
        @Nullable Map<String, String> sealed,
        @Nullable List<MailAttachment> attachments) {

    /** Serde leaves empty maps and lists out of the JSON: they come back as null. */
    MailQueued {
        model = model == null ? Map.of() : model;
        sealed = sealed == null ? Map.of() : sealed;
        attachments = attachments == null ? List.of() : attachments;
    }

    /** Keeps addresses and sealed values out of logs. */
    @Override
    public String toString() {
        return template + " mail, delivery " + deliveryId;
    }
}
