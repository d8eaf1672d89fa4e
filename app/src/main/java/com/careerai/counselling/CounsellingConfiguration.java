package com.careerai.counselling;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Counselling settings ({@code careerai.counselling.*}). */
@ConfigurationProperties("careerai.counselling")
public class CounsellingConfiguration {
    private String meetingBaseUrl = "https://meet.jit.si";
    private Duration joinEarly = Duration.ofMinutes(10);
    private Duration waitlistOfferHold = Duration.ofHours(2);

    /**
     * Base URL of a Jitsi-compatible video service; each appointment gets an unguessable room
     * under it unless the counsellor set a fixed link. Default {@code https://meet.jit.si}.
     */
    public String getMeetingBaseUrl() {
        return meetingBaseUrl;
    }

    public void setMeetingBaseUrl(String meetingBaseUrl) {
        this.meetingBaseUrl = meetingBaseUrl.endsWith("/")
                ? meetingBaseUrl.substring(0, meetingBaseUrl.length() - 1)
                : meetingBaseUrl;
    }

    /** How long before the start the Join button appears (default 10 minutes). */
    public Duration getJoinEarly() {
        return joinEarly;
    }

    public void setJoinEarly(Duration joinEarly) {
        this.joinEarly = joinEarly;
    }

    /** How long a waitlist offer holds a freed slot for one student before the next is asked (default 2 h). */
    public Duration getWaitlistOfferHold() {
        return waitlistOfferHold;
    }

    public void setWaitlistOfferHold(Duration waitlistOfferHold) {
        this.waitlistOfferHold = waitlistOfferHold;
    }
}
