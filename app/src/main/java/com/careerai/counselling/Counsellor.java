package com.careerai.counselling;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** A counsellor's profile; {@code userId} is the counsellor's id everywhere. */
record Counsellor(
        long universityId,
        long userId,
        CounsellorStatus status,
        String name,
        String email,
        String bio,
        List<String> expertise,
        List<String> languages,
        ZoneId timeZone,
        @Nullable String meetingUrl,
        int bufferBeforeMinutes,
        int bufferAfterMinutes,
        int minNoticeMinutes,
        int bookingWindowDays,
        int slotIntervalMinutes,
        @Nullable String decisionReason,
        boolean hasPhoto) {

    boolean bookable() {
        return status == CounsellorStatus.APPROVED;
    }

    Duration bufferBefore() {
        return Duration.ofMinutes(bufferBeforeMinutes);
    }

    Duration bufferAfter() {
        return Duration.ofMinutes(bufferAfterMinutes);
    }
}
