package com.careerai;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.io.service.SoftServiceLoader.StaticDefinition;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarServiceIndexTest {
    private static final String TYPE = "com.careerai.JarServiceIndexTest$Service";

    @TempDir
    Path directory;

    /** A service type with two implementations, one without a public no-argument constructor. */
    public interface Service {}

    public static final class First implements Service {}

    public static final class Second implements Service {}

    public static final class NoDefaultConstructor implements Service {
        public NoDefaultConstructor(String name) {}
    }

    @Test
    void listsEachServiceTypesEntriesAsMicronautsWalkDoes() throws IOException {
        Path jar = jar(Map.of(
                "META-INF/micronaut/",
                "",
                "META-INF/micronaut/" + TYPE + "/",
                "",
                "META-INF/micronaut/" + TYPE + "/" + First.class.getName(),
                "",
                "META-INF/micronaut/" + TYPE + "/.hidden",
                "",
                "META-INF/micronaut/io.micronaut.inject.BeanConfiguration/com.example.$BeanConfiguration",
                "",
                "META-INF/micronaut/stray-file",
                "",
                "META-INF/services/" + TYPE,
                "",
                "com/example/Other.class",
                ""));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(JarServiceIndex.index(file))
                    .containsOnly(
                            Map.entry(TYPE, Set.of(First.class.getName())),
                            Map.entry(
                                    "io.micronaut.inject.BeanConfiguration", Set.of("com.example.$BeanConfiguration")));
        }
    }

    @Test
    void servicesComeFromTheIndexAndTheServicesFilesAndLeaveOutWhatCannotBeMade() throws IOException {
        Path jar = jar(Map.of(
                "META-INF/micronaut/" + TYPE + "/" + First.class.getName(),
                "",
                "META-INF/micronaut/" + TYPE + "/com.example.Missing",
                "",
                "META-INF/micronaut/" + TYPE + "/" + NoDefaultConstructor.class.getName(),
                "",
                "META-INF/services/" + TYPE,
                "# a comment\n" + Second.class.getName() + " # the second\n\n" + First.class.getName() + "\n"));
        try (URLClassLoader classLoader =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Map<String, Set<String>> index;
            try (JarFile file = new JarFile(jar.toFile())) {
                index = JarServiceIndex.index(file);
            }
            JarServiceIndex.ServiceTypes types = new JarServiceIndex.ServiceTypes(classLoader, index);

            JarServiceIndex.ServicesOfType loader = (JarServiceIndex.ServicesOfType) types.get(TYPE);
            assertThat(loader.load(null))
                    .extracting(service -> service.getClass().getName())
                    .containsExactly(Second.class.getName(), First.class.getName());
            assertThat(loader.load(service -> service instanceof First)).hasSize(1);
            List<String> found =
                    loader.findAll(name -> true).map(StaticDefinition::getName).toList();
            assertThat(found)
                    .containsExactly(
                            Second.class.getName(), First.class.getName(), NoDefaultConstructor.class.getName());
            // every type has a loader, so Micronaut never falls back to its own walk of the jar
            assertThat(types.containsKey("com.example.Unknown")).isTrue();
            assertThat(types.get("com.example.Unknown").load(null)).isEmpty();
        }
    }

    @Test
    void theSamePassListsTheMigrationsForTheSchemaCheck() throws IOException {
        Path jar = jar(Map.of(
                "META-INF/micronaut/" + TYPE + "/" + First.class.getName(),
                "",
                "db/migration/",
                "",
                "db/migration/V1__first.sql",
                "",
                "db/other/V2__not_a_migration.sql",
                ""));
        List<String> migrations = new java.util.ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(JarServiceIndex.index(file, migrations))
                    .containsOnly(Map.entry(TYPE, Set.of(First.class.getName())));
        }
        assertThat(migrations).containsExactlyInAnyOrder("db/migration/", "db/migration/V1__first.sql");
    }

    @Test
    void readsTheIndexWhenTheClassPathIsOneJarAndNothingWhenItIsTwo() throws IOException {
        Path jar =
                jar(Map.of("META-INF/micronaut/", "", "META-INF/micronaut/" + TYPE + "/" + First.class.getName(), ""));
        Path other = directory.resolve("other.jar");
        Files.copy(jar, other);
        try (URLClassLoader one = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                URLClassLoader two = new URLClassLoader(
                        new URL[] {jar.toUri().toURL(), other.toUri().toURL()}, null)) {
            assertThat(JarServiceIndex.read(one)).containsOnly(Map.entry(TYPE, Set.of(First.class.getName())));
            assertThat(JarServiceIndex.read(two)).isNull();
        }
    }

    @Test
    void nothingIsInstalledWhenTheClassPathIsNotOneJar() {
        // the tests' class path: classes in directories and many jars
        assertThat(JarServiceIndex.read(getClass().getClassLoader())).isNull();
    }

    private Path jar(Map<String, String> entries) throws IOException {
        Path jar = directory.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
