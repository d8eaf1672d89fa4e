package com.careerai.counselling;

import com.careerai.platform.jobs.InUniversity;
import com.careerai.platform.jobs.UniversityJobRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Ends a waitlist offer when its hold lapses and offers the slot to the next student waiting.
 *
 * @param universityId the university
 * @param entryId the waitlist entry that was offered the slot
 */
public record WaitlistOfferExpiryJobRequest(long universityId, long entryId) implements UniversityJobRequest {

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    static UUID jobId(long universityId, long entryId) {
        return UUID.nameUUIDFromBytes(
                ("counselling-waitlist-offer:" + universityId + ":" + entryId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Waitlist offer " + entryId + " of university " + universityId + " lapses";
    }

    @Singleton
    @InUniversity
    public static class Handler implements JobRequestHandler<WaitlistOfferExpiryJobRequest> {
        private final Waitlist waitlist;

        Handler(Waitlist waitlist) {
            this.waitlist = waitlist;
        }

        @Override
        @Job(name = "%0", retries = 3)
        public void run(WaitlistOfferExpiryJobRequest request) {
            waitlist.expire(request.universityId(), request.entryId());
        }
    }
}
