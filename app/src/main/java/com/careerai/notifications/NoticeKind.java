package com.careerai.notifications;

/**
 * What a notification is about; each user chooses per kind whether it also comes by email. Sign-in
 * codes are not notifications: security mail always goes.
 */
public enum NoticeKind {
    BOOKING("Counselling bookings"),
    RUN("AI tool runs"),
    PAYMENT("Payments"),
    RESOURCE("Resources"),
    ANNOUNCEMENT("Announcements"),
    COURSE("Courses"),
    TICKET("Support tickets");

    private final String label;

    NoticeKind(String label) {
        this.label = label;
    }

    /** How the kind is named on the preferences page. */
    public String label() {
        return label;
    }
}
