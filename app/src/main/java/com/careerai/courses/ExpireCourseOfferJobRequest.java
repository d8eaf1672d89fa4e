package com.careerai.courses;

import com.careerai.platform.jobs.InUniversity;
import com.careerai.platform.jobs.UniversityJobRequest;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Ends a waitlist offer when its 24-hour hold lapses and offers the place to the next student
 * waiting. Scheduled for the offer's end when it is made (one job per offer, its id derived from
 * the offer); the handler re-checks the row, so an offer already taken changes nothing.
 *
 * @param universityId the university
 * @param enrolmentId the OFFERED enrolment
 */
public record ExpireCourseOfferJobRequest(long universityId, long enrolmentId) implements UniversityJobRequest {

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    static UUID jobId(long universityId, long enrolmentId, Instant until) {
        return UUID.nameUUIDFromBytes(("course-offer:" + universityId + ":" + enrolmentId + ":" + until.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Course place offer " + enrolmentId + " of university " + universityId + " lapses";
    }

    @Singleton
    @InUniversity
    static class Handler implements JobRequestHandler<ExpireCourseOfferJobRequest> {
        private final EnrolmentDesk desk;

        Handler(EnrolmentDesk desk) {
            this.desk = desk;
        }

        @Override
        @Job(name = "%0", retries = 3)
        public void run(ExpireCourseOfferJobRequest request) {
            desk.expireOffer(request.universityId(), request.enrolmentId());
        }
    }
}
