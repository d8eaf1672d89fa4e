package com.careerai.leads;

import com.careerai.courses.CourseOffers;
import com.careerai.notifications.Mail;
import com.careerai.notifications.MailTemplate;
import com.careerai.platform.outbox.OutboxListener;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A new lead's email with the details of what they asked about. Queued with {@link Mail} in the
 * delivering transaction, with its log row, so both happen exactly once (the relay records the
 * delivery in the same transaction).
 */
@Singleton
class EmailFollowUpListener implements OutboxListener<LeadReceived> {
    static final String TEMPLATE = "welcome-email";

    private final LeadStore store;
    private final Mail mail;
    private final CourseOffers courses;

    EmailFollowUpListener(LeadStore store, Mail mail, CourseOffers courses) {
        this.store = store;
        this.mail = mail;
        this.courses = courses;
    }

    @Override
    public Class<LeadReceived> eventType() {
        return LeadReceived.class;
    }

    @Override
    public void on(long universityId, UUID eventId, LeadReceived event) {
        Lead lead = store.find(universityId, event.leadId()).orElse(null);
        if (lead == null) {
            return;
        }
        Optional<CommunicationLog> claim = store.claim(universityId, lead.id(), Channel.EMAIL, TEMPLATE, "ATTEMPTED");
        if (claim.isEmpty()) {
            return;
        }
        long delivery = mail.send(universityId, lead.email(), MailTemplate.LEAD, model(universityId, lead), Map.of());
        store.outcome(universityId, claim.get().id(), "SENT", "mail:" + delivery, null);
        store.contacted(universityId, lead.id(), Instant.now());
    }

    Map<String, String> model(long universityId, Lead lead) {
        Map<String, String> model = new HashMap<>();
        model.put("name", TwilioFollowUp.firstName(lead.name()));
        model.put("topic", lead.topic());
        model.put("courseTitle", "");
        model.put("courseSummary", "");
        model.put("coursePrice", "");
        model.put("courseStart", "");
        model.put("coursePath", "");
        if (lead.courseId() != null) {
            courses.publicCourse(universityId, lead.courseId()).ifPresent(course -> {
                model.put("courseTitle", course.title());
                model.put("courseSummary", course.summary());
                model.put("coursePrice", course.price());
                model.put(
                        "courseStart",
                        course.nextStart() == null ? "" : course.nextStart().toString());
                model.put("coursePath", course.path());
            });
        }
        return model;
    }
}
