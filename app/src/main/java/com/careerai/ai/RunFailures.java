package com.careerai.ai;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a run fails: FAILED with a reason the student can read, then the refund, then
 * REFUNDED — in one transaction holding the run's row lock. Worker and sweeper both come here;
 * the lock and the ledger's idempotency key make any number of calls refund once.
 */
@Singleton
class RunFailures {
    private static final Logger LOG = LoggerFactory.getLogger(RunFailures.class);

    private final AiRunRepository runs;
    private final RunCharges charges;
    private final RunNotices notices;

    RunFailures(AiRunRepository runs, RunCharges charges, RunNotices notices) {
        this.runs = runs;
        this.charges = charges;
        this.notices = notices;
    }

    /** Fails (if not final) and refunds the run; returns true when this call made the refund. */
    @Transactional
    public boolean failAndRefund(long universityId, UUID runId, String reason) {
        AiRun run = runs.lock(universityId, runId).orElse(null);
        if (run == null || run.status().isFinal()) {
            return false;
        }
        if (run.status() != RunStatus.FAILED) {
            runs.markFailed(universityId, runId, reason);
        }
        charges.refund(universityId, runId);
        runs.markRefunded(universityId, runId);
        notices.refunded(run, reason);
        LOG.info("Run {} of university {} failed and was refunded: {}", runId, universityId, reason);
        return true;
    }
}
