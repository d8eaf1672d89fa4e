package com.careerai.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSeedFingerprintTest {
    @Test
    void theSameStepsGiveTheSameFingerprintInAnyOrder() {
        assertThat(DemoSeedFingerprint.of(List.of(FirstStep.class, SecondStep.class)))
                .isEqualTo(DemoSeedFingerprint.of(List.of(SecondStep.class, FirstStep.class)))
                .hasSize(64);
    }

    @Test
    void anAddedOrDifferentStepChangesTheFingerprint() {
        String first = DemoSeedFingerprint.of(List.of(FirstStep.class));
        assertThat(DemoSeedFingerprint.of(List.of(SecondStep.class))).isNotEqualTo(first);
        assertThat(DemoSeedFingerprint.of(List.of(FirstStep.class, SecondStep.class)))
                .isNotEqualTo(first);
    }

    @Test
    void aGeneratedInterceptingSubclassCountsAsTheStepItExtends() {
        assertThat(DemoSeedFingerprint.of(List.of(FirstStep$Intercepted.class)))
                .isEqualTo(DemoSeedFingerprint.of(List.of(FirstStep.class)));
    }

    static class FirstStep implements DemoSeedStep {
        @Override
        public void seed(DemoUniversity demo) {}
    }

    static class SecondStep implements DemoSeedStep {
        @Override
        public void seed(DemoUniversity demo) {
            demo.address("staff");
        }
    }

    /** Named as Micronaut names the subclass it generates for a {@code @Transactional} step. */
    static class FirstStep$Intercepted extends FirstStep {}
}
