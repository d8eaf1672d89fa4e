package com.careerai.leads;

import java.util.Locale;

/** The columns of the lead board, in order; ENROLLED and LOST end the journey. */
public enum LeadStatus {
    NEW("New"),
    CONTACTED("Contacted"),
    QUALIFIED("Qualified"),
    ENROLLED("Enrolled"),
    LOST("Lost");

    private final String label;

    LeadStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The status named {@code text} (any case), or null. */
    static LeadStatus parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
