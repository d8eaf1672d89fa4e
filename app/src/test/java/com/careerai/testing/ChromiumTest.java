package com.careerai.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** On CI a missing Chromium fails the browser tests; on a laptop it skips them with a message. */
class ChromiumTest {

    @Test
    void missingChromiumFailsOnCi() {
        assertThatThrownBy(() -> Chromium.requireExecutable(Optional.empty(), Map.of("CI", "true")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI=true");
    }

    @Test
    void missingChromiumSkipsOutsideCi() {
        assertThatThrownBy(() -> Chromium.requireExecutable(Optional.empty(), Map.of()))
                .isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> Chromium.requireExecutable(Optional.empty(), Map.of("CI", "false")))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void installedChromiumIsUsedEverywhere() {
        Path chromium = Path.of("/usr/bin/chromium");
        assertThat(Chromium.requireExecutable(Optional.of(chromium), Map.of("CI", "true")))
                .isEqualTo(chromium);
    }
}
