package com.careerai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarEntryResourceLoaderTest {
    @TempDir
    Path directory;

    @Test
    void readsAConfigurationFileOutOfTheJarAndNothingForDirectoriesOrMissingNames() throws IOException {
        Path jar = directory.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("views/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("application.yml"));
            out.write("careerai:\n  demo: false\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (URLClassLoader classLoader =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            JarEntryResourceLoader loader = new JarEntryResourceLoader(classLoader);

            assertThat(text(loader.getResourceAsStream("application.yml"))).isEqualTo("careerai:\n  demo: false\n");
            assertThat(text(loader.getResourceAsStream("/application.yml"))).isEqualTo("careerai:\n  demo: false\n");
            assertThat(loader.getResourceAsStream("views")).isEmpty();
            assertThat(loader.getResourceAsStream("views/")).isEmpty();
            assertThat(loader.getResourceAsStream("application-prod.yml")).isEmpty();
        }
    }

    @Test
    void onlyEntriesOfAJarOnDiskAreReadDirectly() throws IOException {
        assertThat(JarEntryResourceLoader.isEntryOfJarFile(new URL("jar:file:/opt/app.jar!/application.yml")))
                .isTrue();
        assertThat(JarEntryResourceLoader.isEntryOfJarFile(new URL("jar:file:/opt/app.jar!/lib/a.jar!/x.yml")))
                .isFalse();
        assertThat(JarEntryResourceLoader.isEntryOfJarFile(new URL("file:/opt/application.yml")))
                .isFalse();
    }

    private static String text(Optional<InputStream> stream) throws IOException {
        assertThat(stream).isPresent();
        try (InputStream input = stream.get()) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
