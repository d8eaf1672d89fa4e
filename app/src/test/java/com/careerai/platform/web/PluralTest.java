package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Counts are written exactly as the JDK's English integer format wrote them (issue 19 changed only how fast). */
class PluralTest {

    @Test
    void writesEveryCountAsTheJdksEnglishIntegerFormat() {
        List<Long> counts = new ArrayList<>(List.of(
                0L,
                1L,
                -1L,
                9L,
                10L,
                99L,
                100L,
                999L,
                1_000L,
                -999L,
                -1_000L,
                1_234L,
                12_345L,
                123_456L,
                1_234_567L,
                1_000_000L,
                -1_234_567L,
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                Long.MIN_VALUE + 1));
        Random random = new Random(19);
        for (int n = 0; n < 5_000; n++) {
            long value = random.nextLong() >> random.nextInt(64);
            counts.add(value);
        }
        NumberFormat jdk = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        for (long count : counts) {
            assertThat(Plural.grouped(count)).as("%d", count).isEqualTo(jdk.format(count));
        }
    }

    @Test
    void namesTheNounInTheSingularOnlyForOne() {
        assertThat(Plural.of(1, "credit")).isEqualTo("1 credit");
        assertThat(Plural.of(0, "credit")).isEqualTo("0 credits");
        assertThat(Plural.of(1_500, "credit")).isEqualTo("1,500 credits");
        assertThat(Plural.of(-1, "credit")).isEqualTo("-1 credits");
        assertThat(Plural.of(3, "person", "people")).isEqualTo("3 people");
    }
}
