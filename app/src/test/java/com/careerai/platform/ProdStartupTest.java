package com.careerai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starts the real main class in a separate JVM, as an operator would, with a broken environment. */
class ProdStartupTest {

    @Test
    void prodWithoutDatabaseUrlStopsWithOneClearLine() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp",
                System.getProperty("java.class.path"),
                "com.careerai.Application");
        builder.environment().remove("DATABASE_URL");
        builder.environment().put("MICRONAUT_ENVIRONMENTS", "prod");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr.strip()).isEqualTo("Configuration error: DATABASE_URL is required in the prod environment");
        assertThat(stdout + stderr).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
