package com.careerai.notifications;

import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders and sends one queued email. A failed attempt is recorded on the delivery row, logged,
 * and thrown so JobRunr retries it; after the last retry the job stays FAILED in JobRunr too.
 *
 * @param universityId the university the email is sent for (its name and site appear in it)
 * @param deliveryId the {@code mail_deliveries} row to update
 * @param to recipient
 * @param template what to send
 * @param model values for the views
 * @param sealed values for the views encrypted by {@link SealedValues}
 * @param attachments text attachments (may be empty)
 */
public record SendMailJobRequest(
        long universityId,
        long deliveryId,
        String to,
        MailTemplate template,
        Map<String, String> model,
        Map<String, String> sealed,
        List<MailAttachment> attachments)
        implements JobRequest {

    public SendMailJobRequest {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    /** Keeps addresses and sealed values out of job names and logs. */
    @Override
    public String toString() {
        return template + " mail, delivery " + deliveryId + " of university " + universityId;
    }

    @Singleton
    public static class Handler implements JobRequestHandler<SendMailJobRequest> {
        private static final Logger LOG = LoggerFactory.getLogger(SendMailJobRequest.class);

        private final UniversityAdministration universities;
        private final MailTemplates templates;
        private final Mailer mailer;
        private final MailDeliveryRepository deliveries;
        private final SealedValues sealedValues;
        private final MailConfiguration configuration;

        Handler(
                UniversityAdministration universities,
                MailTemplates templates,
                Mailer mailer,
                MailDeliveryRepository deliveries,
                SealedValues sealedValues,
                MailConfiguration configuration) {
            this.universities = universities;
            this.templates = templates;
            this.mailer = mailer;
            this.deliveries = deliveries;
            this.sealedValues = sealedValues;
            this.configuration = configuration;
        }

        @Override
        @Job(name = "Send %0", retries = 5)
        public void run(SendMailJobRequest request) {
            try {
                Optional<University> university = universities.findById(request.universityId());
                if (university.isEmpty()) {
                    // Nothing to retry for: the university is gone.
                    deliveries.markFailed(request.universityId(), request.deliveryId(), "university no longer exists");
                    LOG.error("Mail not sent: {} (university no longer exists)", request);
                    return;
                }
                mailer.send(message(request, university.get()));
                deliveries.markSent(request.universityId(), request.deliveryId(), Instant.now());
                LOG.info("Mail sent: {}", request);
            } catch (RuntimeException e) {
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                deliveries.markFailed(
                        request.universityId(),
                        request.deliveryId(),
                        error.substring(0, Math.min(error.length(), 1000)));
                LOG.error("Mail not sent (JobRunr will retry until its retries are used up): {}: {}", request, error);
                throw e;
            }
        }

        private MailMessage message(SendMailJobRequest request, University university) {
            Map<String, Object> model = new HashMap<>(request.model());
            request.sealed().forEach((name, value) -> model.put(name, sealedValues.open(value)));
            model.put(
                    "university",
                    Map.of(
                            "name", university.name(),
                            "subdomain", university.subdomain(),
                            "brandColor", university.brandColor()));
            model.put("siteUrl", configuration.siteUrlOf(university.subdomain()));
            model.put("to", request.to());
            MailTemplates.Rendered rendered = templates.render(request.template(), model);
            return new MailMessage(
                    request.to(),
                    university.name() + " Careers",
                    rendered.subject(),
                    rendered.html(),
                    rendered.text(),
                    Map.of(DevMailbox.UNIVERSITY_HEADER, university.subdomain()),
                    request.attachments());
        }
    }
}
