package com.careerai.counselling;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The video link of a new appointment: the counsellor's fixed link, or a fresh room nobody can guess. */
@Singleton
class MeetingRooms {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CounsellingConfiguration configuration;

    MeetingRooms(CounsellingConfiguration configuration) {
        this.configuration = configuration;
    }

    String roomFor(Counsellor counsellor) {
        if (counsellor.meetingUrl() != null && !counsellor.meetingUrl().isBlank()) {
            return counsellor.meetingUrl();
        }
        byte[] secret = new byte[16]; // 128 random bits
        RANDOM.nextBytes(secret);
        return configuration.getMeetingBaseUrl() + "/careerai-" + HexFormat.of().formatHex(secret);
    }
}
