package com.careerai.ai.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The anonymised resumes and job descriptions under {@code src/test/resources/samples/}. */
final class Samples {
    private Samples() {}

    static String read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
