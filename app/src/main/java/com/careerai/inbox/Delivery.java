package com.careerai.inbox;

/** How a user wants one kind of notification: in the inbox only, or in the inbox and by email. */
public enum Delivery {
    IN_APP("In the app only"),
    IN_APP_AND_EMAIL("In the app and by email");

    private final String label;

    Delivery(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean email() {
        return this == IN_APP_AND_EMAIL;
    }
}
