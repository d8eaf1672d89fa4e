package com.careerai.platform.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code date} header's value (RFC 1123, GMT), written once a second and kept for the rest of it.
 * Micronaut wrote it for every response (the route's date header, on by default), through a zoned
 * date-time and a pattern formatter: about 1 % of a signed-in home's CPU (issue 19, ADR 0074); the
 * header names seconds, so every response within one says the same. Micronaut's own is switched off
 * ({@code micronaut.server.date-header: false}) and {@link SecurityHeadersFilter} sets this one.
 */
final class DateHeader {
    /** A second and its header value. */
    private record Second(long epochSecond, String text) {}

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private DateHeader() {}

    /** "Fri, 4 Dec 2026 21:36:10 GMT" for now. */
    static String now() {
        return of(Math.floorDiv(System.currentTimeMillis(), 1000L));
    }

    /** The header's value for the second {@code epochSecond}. */
    static String of(long epochSecond) {
        Second kept = last;
        if (kept.epochSecond() != epochSecond) {
            kept = new Second(
                    epochSecond,
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC)));
            last = kept;
        }
        return kept.text();
    }
}
