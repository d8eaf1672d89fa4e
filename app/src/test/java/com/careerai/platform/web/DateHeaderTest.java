package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The date header reads as Micronaut wrote it (RFC 1123 in GMT), now kept for each second (ADR 0074). */
class DateHeaderTest {

    /** Micronaut 4's {@code NettyHttpHeaders.date}: the instant in GMT, RFC 1123. */
    private static String asMicronautWroteIt(long epochSecond) {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneId.of("GMT"))
                .format(DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    @Test
    void writesEachSecondAsMicronautDid() {
        Random random = new Random(74);
        long from = LocalDateTime.of(1990, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long to = LocalDateTime.of(2100, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < 20_000; i++) {
            long second = from + (long) (random.nextDouble() * (to - from));
            assertThat(DateHeader.of(second)).isEqualTo(asMicronautWroteIt(second));
            // the same second again (kept), then the next one (written anew)
            assertThat(DateHeader.of(second)).isEqualTo(asMicronautWroteIt(second));
            assertThat(DateHeader.of(second + 1)).isEqualTo(asMicronautWroteIt(second + 1));
        }
        assertThat(DateHeader.of(Instant.parse("2026-12-04T21:36:10Z").getEpochSecond()))
                .isEqualTo("Fri, 4 Dec 2026 21:36:10 GMT");
    }

    @Test
    void nowIsThisSecond() {
        long before = Instant.now().getEpochSecond();
        String now = DateHeader.now();
        long after = Instant.now().getEpochSecond();
        assertThat(now).isIn(asMicronautWroteIt(before), asMicronautWroteIt(after));
    }
}
