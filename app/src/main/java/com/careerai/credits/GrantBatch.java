package com.careerai.credits;

import com.careerai.platform.web.Plural;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A bulk grant of {@code amount} credits to every student and its progress.
 *
 * @param status QUEUED, RUNNING or DONE
 * @param total students when the grant started
 * @param processed students looked at so far
 * @param granted students granted by this batch (a student granted before under the same key is not counted twice)
 */
@Serdeable
public record GrantBatch(
        UUID id,
        String actor,
        Currency currency,
        int amount,
        String reason,
        String status,
        int total,
        int processed,
        int granted,
        Instant createdAt,
        @Nullable Instant finishedAt) {

    public boolean done() {
        return "DONE".equals(status);
    }

    /** "Done: 1 student granted" or "3 of 1,234 students", for the progress line. */
    public String progressText() {
        return done()
                ? "Done: " + Plural.of(granted, "student") + " granted"
                : processed + " of " + Plural.of(total, "student");
    }

    /** 0–100, for progress bars. */
    public int percent() {
        if (done()) {
            return 100;
        }
        return total == 0 ? 0 : Math.min(99, (int) (processed * 100L / total));
    }
}
