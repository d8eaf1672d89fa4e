package com.careerai.billing;

import com.careerai.platform.jobs.InUniversity;
import com.careerai.platform.jobs.UniversityJobRequest;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * Reconciles a university's payments still PENDING after their checkout expired
 * ({@link PaymentReconciliation}); recurring, hourly (see {@link ReconcileSchedule}). Running it
 * twice applies nothing twice: each answer is applied as an event claimed once.
 */
public record ReconcilePaymentsJobRequest(long universityId) implements UniversityJobRequest {

    @Override
    public Class<Handler> getJobRequestHandler() {
        return Handler.class;
    }

    @Singleton
    @InUniversity
    public static class Handler implements JobRequestHandler<ReconcilePaymentsJobRequest> {
        private final PaymentReconciliation reconciliation;

        Handler(PaymentReconciliation reconciliation) {
            this.reconciliation = reconciliation;
        }

        @Override
        @Job(name = "Reconcile pending payments: %0", retries = 3)
        public void run(ReconcilePaymentsJobRequest request) {
            reconciliation.reconcile(request.universityId(), Instant.now());
        }
    }
}
