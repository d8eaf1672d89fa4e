package com.careerai.leads;

import com.careerai.platform.outbox.OutboxListener;
import jakarta.inject.Singleton;
import java.util.UUID;

/** A new lead's WhatsApp message, at most once ({@link TwilioFollowUp}). */
@Singleton
class WhatsAppFollowUpListener implements OutboxListener<LeadReceived> {
    private final TwilioFollowUp followUp;

    WhatsAppFollowUpListener(TwilioFollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    public Class<LeadReceived> eventType() {
        return LeadReceived.class;
    }

    @Override
    public void on(long universityId, UUID eventId, LeadReceived event) {
        followUp.follow(universityId, event, Channel.WHATSAPP);
    }
}
