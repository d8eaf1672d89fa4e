package com.careerai.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .ci/run} fails, naming the reason, when it has no Chromium and cannot install one. */
class CiScriptTest {

    @Test
    void ciFailsWhenChromiumCannotBeInstalled(@TempDir Path bin) throws IOException, InterruptedException {
        Path script = Path.of("..", ".ci", "run").toAbsolutePath().normalize();
        assertThat(script).exists();
        // A PATH holding only what the script needs to get going: no chromium, no apt-get, no Maven.
        for (String tool : new String[] {"dirname", "id"}) {
            Path found = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(bin.resolve(tool), found.toFile().exists() ? found : Path.of("/bin", tool));
        }
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", script.toString()).redirectErrorStream(true);
        builder.environment().put("PATH", bin.toString());
        builder.environment().remove("CHROMIUM_PATH");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("failing CI").doesNotContain("BUILD");
    }
}
