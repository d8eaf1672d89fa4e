package com.careerai.inbox;

import com.careerai.platform.jobs.InUniversity;
import com.careerai.platform.jobs.UniversityJobRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Sends a scheduled announcement at its time. The job id is derived from the announcement and the
 * time it was scheduled for, so a cancelled and rescheduled announcement gets a new job, and a
 * job left over from an earlier schedule finds it not due. Retried (resuming after the cursor)
 * when a page fails.
 *
 * @param universityId the university
 * @param announcementId the announcement
 * @param sendAtEpochMilli the time it was scheduled for
 */
public record SendAnnouncementJobRequest(long universityId, long announcementId, long sendAtEpochMilli)
        implements UniversityJobRequest {

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    static UUID jobId(long universityId, long announcementId, Instant sendAt) {
        return UUID.nameUUIDFromBytes(
                ("inbox-announcement:" + universityId + ":" + announcementId + ":" + sendAt.toEpochMilli())
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Announcement " + announcementId + " of university " + universityId + " is sent";
    }

    @Singleton
    @InUniversity
    public static class Handler implements JobRequestHandler<SendAnnouncementJobRequest> {
        private final AnnouncementSender sender;

        Handler(AnnouncementSender sender) {
            this.sender = sender;
        }

        @Override
        @Job(name = "%0", retries = 10)
        public void run(SendAnnouncementJobRequest request) {
            sender.sendScheduled(
                    request.universityId(), request.announcementId(), Instant.ofEpochMilli(request.sendAtEpochMilli()));
        }
    }
}
