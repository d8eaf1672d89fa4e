package com.careerai.leads;

/** How a lead is contacted. */
public enum Channel {
    EMAIL("Email"),
    WHATSAPP("WhatsApp"),
    VOICE("Voice call");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
