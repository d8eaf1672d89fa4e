package com.careerai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CentralDirectoryTest {
    private static final List<String> FOLDERS = List.of("META-INF/micronaut/", "db/migration/");

    @TempDir
    Path directory;

    @Test
    void listsTheNamesUnderTheFoldersAsJarFileDoes() throws IOException {
        Path jar = jar(
                "app.jar",
                List.of(
                        "META-INF/MANIFEST.MF",
                        "META-INF/micronaut/",
                        "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/com.example.$Café$Definition",
                        "META-INF/micronautish/not-this",
                        "com/example/Café.class",
                        "db/migration/V1__first.sql",
                        "db/migrations/V2__not_this.sql",
                        "META-INF/micronaut/io.micronaut.inject.BeanConfiguration/com.example.$BeanConfiguration"),
                "a comment on the jar");

        assertThat(CentralDirectory.namesUnder(jar, FOLDERS))
                .isEqualTo(namesFromJarFile(jar))
                .containsExactly(
                        "META-INF/micronaut/",
                        "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/com.example.$Café$Definition",
                        "db/migration/V1__first.sql",
                        "META-INF/micronaut/io.micronaut.inject.BeanConfiguration/com.example.$BeanConfiguration");
    }

    @Test
    void readsAJarOfMoreThan65535EntriesThroughItsZip64EndRecord() throws IOException {
        // the application jar holds ~100,000 entries: its entry count is only in the zip64 end record
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            names.add((i % 10_000 == 0 ? "db/migration/V" + i + "__m.sql" : "com/example/C" + i + ".class"));
        }
        names.add("META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/com.example.$Last$Definition");
        Path jar = jar("big.jar", names, null);

        List<String> listed = CentralDirectory.namesUnder(jar, FOLDERS);

        assertThat(listed).isEqualTo(namesFromJarFile(jar)).hasSize(8);
        assertThat(listed.get(7)).endsWith("$Last$Definition");
    }

    @Test
    void aFileThatIsNoWholeJarIsAZipException() throws IOException {
        Path jar = jar("app.jar", List.of("META-INF/micronaut/a/b", "db/migration/V1__a.sql"), null);
        byte[] bytes = Files.readAllBytes(jar);

        Path cut = directory.resolve("cut.jar");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 30));
        Path text = directory.resolve("text.jar");
        Files.writeString(text, "not a jar");
        Path shifted = directory.resolve("shifted.jar"); // the directory not where the end record says
        byte[] moved = bytes.clone();
        moved[moved.length - 22 + 12]++; // the directory's length, one byte more
        Files.write(shifted, moved);

        for (Path broken : List.of(cut, text, shifted)) {
            assertThatThrownBy(() -> CentralDirectory.namesUnder(broken, FOLDERS))
                    .as(broken.getFileName().toString())
                    .isInstanceOf(ZipException.class);
        }
    }

    private static List<String> namesFromJarFile(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream()
                    .map(JarEntry::getName)
                    .filter(name -> FOLDERS.stream().anyMatch(name::startsWith))
                    .toList();
        }
    }

    private Path jar(String name, List<String> entries, String comment) throws IOException {
        Path jar = directory.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (comment != null) {
                out.setComment(comment);
            }
            for (String entry : entries) {
                JarEntry empty = new JarEntry(entry); // stored and empty: 70,000 of them are written quickly
                empty.setMethod(ZipEntry.STORED);
                empty.setSize(0);
                empty.setCompressedSize(0);
                empty.setCrc(0);
                out.putNextEntry(empty);
                out.closeEntry();
            }
        }
        return jar;
    }
}
