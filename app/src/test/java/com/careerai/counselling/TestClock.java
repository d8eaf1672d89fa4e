package com.careerai.counselling;

import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/** Counselling's "now" in tests: real time, moved by {@link #shift(Duration)} and back by {@link #reset()}. */
@Singleton
@Replaces(CounsellingClock.class)
class TestClock extends CounsellingClock {
    private volatile Duration offset = Duration.ZERO;

    @Override
    Instant now() {
        return Instant.now().plus(offset);
    }

    void shift(Duration by) {
        offset = offset.plus(by);
    }

    void reset() {
        offset = Duration.ZERO;
    }
}
