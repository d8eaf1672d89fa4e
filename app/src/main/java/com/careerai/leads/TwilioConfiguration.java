package com.careerai.leads;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Twilio settings ({@code careerai.twilio.*}); a channel missing its settings is skipped. */
@ConfigurationProperties("careerai.twilio")
public class TwilioConfiguration {
    private String accountSid = "";
    private String authToken = "";
    private String whatsappFrom = "";
    private String voiceFrom = "";
    private String apiBase = "";

    /** {@code TWILIO_ACCOUNT_SID} (AC…). */
    public String getAccountSid() {
        return accountSid;
    }

    public void setAccountSid(String accountSid) {
        this.accountSid = accountSid == null ? "" : accountSid.strip();
    }

    /** {@code TWILIO_AUTH_TOKEN}: authenticates API calls and signs status callbacks. */
    public String getAuthToken() {
        return authToken;
    }

    public void setAuthToken(String authToken) {
        this.authToken = authToken == null ? "" : authToken.strip();
    }

    /** {@code TWILIO_WHATSAPP_FROM}: the sender, E.164 ({@code +14155238886}); empty skips WhatsApp. */
    public String getWhatsappFrom() {
        return whatsappFrom;
    }

    public void setWhatsappFrom(String whatsappFrom) {
        this.whatsappFrom = whatsappFrom == null ? "" : whatsappFrom.strip();
    }

    /** {@code TWILIO_VOICE_FROM}: the caller id, E.164; empty skips the welcome call. */
    public String getVoiceFrom() {
        return voiceFrom;
    }

    public void setVoiceFrom(String voiceFrom) {
        this.voiceFrom = voiceFrom == null ? "" : voiceFrom.strip();
    }

    /** {@code TWILIO_API_BASE}: another address for Twilio's REST API (tests' stand-in); empty for Twilio. */
    public String getApiBase() {
        return apiBase;
    }

    public void setApiBase(String apiBase) {
        this.apiBase = apiBase == null ? "" : apiBase.strip();
    }

    boolean hasCredentials() {
        return !accountSid.isEmpty() && !authToken.isEmpty();
    }

    boolean whatsappConfigured() {
        return hasCredentials() && !whatsappFrom.isEmpty();
    }

    boolean voiceConfigured() {
        return hasCredentials() && !voiceFrom.isEmpty();
    }
}
