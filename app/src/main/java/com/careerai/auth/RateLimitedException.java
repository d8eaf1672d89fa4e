package com.careerai.auth;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.time.Duration;

/** Too many attempts: answered 429 with {@code Retry-After} (seconds). */
public class RateLimitedException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** "about 12 minutes", "45 seconds": for messages. */
    public static String humanDuration(Duration duration) {
        long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return "about " + minutes + " minutes";
    }
}
