package com.careerai.leads;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A new lead was recorded from an inquiry: its automatic follow-up (email, WhatsApp, call) starts.
 *
 * @param universityName shown in the messages
 * @param subdomain the university's, for absolute callback URLs from {@code careerai.site-url}
 */
@Serdeable
public record LeadReceived(long leadId, String universityName, String subdomain) {}
