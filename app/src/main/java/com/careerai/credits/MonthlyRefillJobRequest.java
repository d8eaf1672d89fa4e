package com.careerai.credits;

import com.careerai.platform.jobs.InUniversity;
import com.careerai.platform.jobs.UniversityJobRequest;
import jakarta.inject.Singleton;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Tops every student of a university up to its default allowance for the current month (UTC);
 * scheduled on the 1st by {@link MonthlyRefill}. Running it again in the same month changes nothing.
 */
public record MonthlyRefillJobRequest(long universityId) implements UniversityJobRequest {

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    @Singleton
    @InUniversity
    public static class Handler implements JobRequestHandler<MonthlyRefillJobRequest> {
        private final MonthlyRefill refill;

        Handler(MonthlyRefill refill) {
            this.refill = refill;
        }

        @Override
        @Job(name = "Monthly credit refill: %0", retries = 5)
        public void run(MonthlyRefillJobRequest request) {
            if (refill.isEnabled(request.universityId())) {
                refill.run(request.universityId(), YearMonth.now(ZoneOffset.UTC));
            }
        }
    }
}
