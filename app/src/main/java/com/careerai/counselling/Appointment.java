package com.careerai.counselling;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/** One booked session; {@code id} is also its ledger reference and its iCalendar UID. */
record Appointment(
        long universityId,
        UUID id,
        long counsellorId,
        long studentId,
        long sessionTypeId,
        String sessionType,
        String sessionName,
        Instant startsAt,
        Instant endsAt,
        AppointmentStatus status,
        Payment payment,
        int chargedGold,
        boolean refunded,
        @Nullable String note,
        @Nullable UUID resumeRunId,
        String meetingUrl,
        int sequence,
        @Nullable Instant rescheduledFrom,
        long bookedBy,
        @Nullable Long cancelledBy,
        @Nullable String cancelReason,
        @Nullable Instant cancelledAt,
        Instant createdAt) {

    boolean isParticipant(long userId) {
        return userId == counsellorId || userId == studentId;
    }

    boolean isActive() {
        return status == AppointmentStatus.CONFIRMED || status == AppointmentStatus.PENDING;
    }

    String debitKey() {
        return "appointment:" + id;
    }

    String refundKey() {
        return "refund:appointment:" + id;
    }
}
