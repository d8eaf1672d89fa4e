package com.careerai.privacy;

import com.careerai.platform.jobs.InUniversity;
import com.careerai.platform.jobs.UniversityJobRequest;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Builds one "Download my data" zip; the job id is the export id, so it is enqueued once. A retry
 * starts the zip again (the export stays PENDING until one attempt stores it).
 */
public record ExportDataJobRequest(long universityId, UUID exportId) implements UniversityJobRequest {

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    @Singleton
    @InUniversity
    public static class Handler implements JobRequestHandler<ExportDataJobRequest> {
        private final DataExports exports;

        Handler(DataExports exports) {
            this.exports = exports;
        }

        @Override
        @Job(name = "Export a person's data: %0", retries = 3)
        public void run(ExportDataJobRequest request) {
            exports.build(request.universityId(), request.exportId());
        }
    }
}
