package com.careerai.leads;

import com.careerai.platform.config.CareerAiConfiguration;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a lead's automatic WhatsApp message or welcome call at most once (ADR 0021): claim (an
 * ATTEMPTED row, committed) → one provider request → outcome. A delivery that finds the claim
 * already there never calls the provider: a row still ATTEMPTED means an earlier attempt may have
 * gone out and died before recording it, so it becomes UNCONFIRMED, and the provider's signed
 * status callback (which carries the row's reference) settles it.
 */
@Singleton
class TwilioFollowUp {
    static final String WHATSAPP_TEMPLATE = "welcome-whatsapp";
    static final String CALL_TEMPLATE = "welcome-call";

    private final LeadStore store;
    private final Leads leads;
    private final CommunicationClaims claims;
    private final TwilioGateway twilio;
    private final CareerAiConfiguration configuration;

    TwilioFollowUp(
            LeadStore store,
            Leads leads,
            CommunicationClaims claims,
            TwilioGateway twilio,
            CareerAiConfiguration configuration) {
        this.store = store;
        this.leads = leads;
        this.claims = claims;
        this.twilio = twilio;
        this.configuration = configuration;
    }

    /** The automatic follow-up of {@code channel} (WHATSAPP or VOICE) for the event's lead. */
    void follow(long universityId, LeadReceived event, Channel channel) {
        Lead lead = store.find(universityId, event.leadId()).orElse(null);
        if (lead == null) {
            return;
        }
        String template = channel == Channel.WHATSAPP ? WHATSAPP_TEMPLATE : CALL_TEMPLATE;
        boolean configured = channel == Channel.WHATSAPP ? twilio.whatsappConfigured() : twilio.voiceConfigured();
        if (!configured) {
            claims.skipped(universityId, lead.id(), channel, template, "Not configured: set the Twilio settings.");
            return;
        }
        Optional<CommunicationLog> claim = claims.claim(universityId, lead.id(), channel, template);
        if (claim.isEmpty()) {
            store.automatic(universityId, lead.id(), channel)
                    .filter(log -> log.status().equals("ATTEMPTED"))
                    .ifPresent(log -> claims.unconfirmed(
                            universityId, log, "An earlier attempt stopped after the request; not sent again."));
            return;
        }
        send(universityId, event, lead, claim.get());
    }

    /** Sends one message or call for a log row already written (claimed or manual). */
    void send(long universityId, LeadReceived event, Lead lead, CommunicationLog log) {
        LeadSettings settings = leads.settings(universityId);
        Map<String, String> values =
                Map.of("name", firstName(lead.name()), "topic", lead.topic(), "university", event.universityName());
        URI callback = URI.create(
                configuration.siteUrlOf(event.subdomain()) + TwilioStatusController.PATH + "?ref=" + log.reference());
        try {
            TwilioGateway.Accepted accepted = log.channel() == Channel.WHATSAPP
                    ? twilio.sendWhatsApp(
                            lead.phone(), PlainTemplate.render(settings.whatsappTemplate(), values), callback)
                    : twilio.call(lead.phone(), PlainTemplate.render(settings.callScript(), values), callback);
            claims.sent(universityId, log, accepted.sid());
        } catch (TwilioGateway.Refused refused) {
            if (refused.retryable()) {
                claims.release(universityId, log);
                throw refused;
            }
            claims.failed(universityId, log, refused.getMessage());
        } catch (TwilioGateway.OutcomeUnknown unknown) {
            claims.unconfirmed(universityId, log, unknown.getMessage());
        }
    }

    static String firstName(String name) {
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.substring(0, space) : trimmed;
    }
}
