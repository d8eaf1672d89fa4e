package com.careerai.counselling;

import jakarta.inject.Singleton;
import java.time.Instant;

/** "Now" for counselling rules (notice, windows, join button); tests replace it to move time. */
@Singleton
class CounsellingClock {
    Instant now() {
        return Instant.now();
    }
}
