package com.careerai.auth;

import java.time.Duration;

/**
 * At most {@code max} hits per {@code window} (a fixed window starting at the first hit).
 *
 * @param max hits allowed in one window
 * @param window length of the window
 */
public record RateLimit(int max, Duration window) {}
