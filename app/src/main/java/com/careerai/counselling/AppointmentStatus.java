package com.careerai.counselling;

/** An appointment's state. Every state but CANCELLED holds the counsellor's time. */
public enum AppointmentStatus {
    PENDING,
    CONFIRMED,
    CANCELLED,
    COMPLETED,
    NO_SHOW
}
