package com.careerai.courses;

import jakarta.inject.Singleton;
import java.time.Instant;

/** The time as the courses feature sees it; tests replace it to stand at a session's boundaries. */
@Singleton
class CourseClock {
    Instant now() {
        return Instant.now();
    }
}
