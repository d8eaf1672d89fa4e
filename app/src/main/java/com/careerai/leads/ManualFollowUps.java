package com.careerai.leads;

import com.careerai.notifications.Mail;
import com.careerai.notifications.MailTemplate;
import com.careerai.platform.audit.AuditLog;
import com.careerai.tenancy.University;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;

/**
 * Follow-ups staff send from the lead board: the details email again, or the WhatsApp message from
 * the university's template. Each is logged; a new lead moves to CONTACTED.
 */
@Singleton
class ManualFollowUps {
    static final String EMAIL_TEMPLATE = "manual-email";
    static final String WHATSAPP_TEMPLATE = "manual-whatsapp";

    private final Leads leads;
    private final Records records;
    private final CommunicationClaims claims;
    private final TwilioFollowUp twilio;
    private final TwilioGateway gateway;

    ManualFollowUps(
            Leads leads, Records records, CommunicationClaims claims, TwilioFollowUp twilio, TwilioGateway gateway) {
        this.leads = leads;
        this.records = records;
        this.claims = claims;
        this.twilio = twilio;
        this.gateway = gateway;
    }

    /** The transactional steps (a bean of their own, so each call goes through its transaction). */
    @Singleton
    static class Records {
        private final LeadStore store;
        private final Mail mail;
        private final EmailFollowUpListener emails;
        private final AuditLog auditLog;

        Records(LeadStore store, Mail mail, EmailFollowUpListener emails, AuditLog auditLog) {
            this.store = store;
            this.mail = mail;
            this.emails = emails;
            this.auditLog = auditLog;
        }

        @Transactional
        void email(long universityId, Lead lead, String actor) {
            CommunicationLog log = store.manual(universityId, lead.id(), Channel.EMAIL, EMAIL_TEMPLATE, "ATTEMPTED");
            long delivery = mail.send(
                    universityId, lead.email(), MailTemplate.LEAD, emails.model(universityId, lead), Map.of());
            store.outcome(universityId, log.id(), "SENT", "mail:" + delivery, null);
            store.contacted(universityId, lead.id(), Instant.now());
            afterSending(universityId, lead, Channel.EMAIL, actor);
        }

        @Transactional
        void afterSending(long universityId, Lead lead, Channel channel, String actor) {
            if (lead.status() == LeadStatus.NEW) {
                store.setStatus(universityId, lead.id(), LeadStatus.CONTACTED);
            }
            auditLog.record(
                    universityId, actor, "lead.follow-up", Map.of("lead", lead.id(), "channel", channel.name()));
        }
    }

    /** @throws LeadException (field {@code channel}) for a channel staff cannot send on here */
    void send(University university, long leadId, Channel channel, String actor) {
        Lead lead = leads.find(university.id(), leadId).orElseThrow(LeadProblem::notFound);
        if (channel == Channel.EMAIL) {
            records.email(university.id(), lead, actor);
        } else if (channel == Channel.WHATSAPP) {
            if (!gateway.whatsappConfigured()) {
                throw new LeadException("channel", "WhatsApp is not configured (TWILIO_* settings).");
            }
            CommunicationLog log = claims.manual(university.id(), lead.id(), Channel.WHATSAPP, WHATSAPP_TEMPLATE);
            twilio.send(
                    university.id(), new LeadReceived(lead.id(), university.name(), university.subdomain()), lead, log);
            records.afterSending(university.id(), lead, channel, actor);
        } else {
            throw new LeadException("channel", "Choose email or WhatsApp.");
        }
    }
}
