package com.careerai.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.platform.embedded.AppDatabaseRoles;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.RawHttp;
import com.careerai.testing.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The packaged application jar ({@code app/target/careerai-app.jar}, what the image ships) boots as
 * its own process on this class's database and Redis and serves {@code /health} and a university's
 * page. Every other test runs the application from classes in directories, where
 * {@code JarServiceIndex} (ADR 0044: Micronaut's services listed from the one open jar instead of
 * a zip file system of it) steps aside; a service it left out, or a zip file system opened again,
 * would show only in production. The jar carries no database binaries: it is handed the URLs as a
 * node is ({@code DATABASE_URL}, {@code REDIS_URL}).
 *
 * <p>The reactor packages the app before tenant-admin's tests run ({@code ./mvnw verify}, CI). A jar
 * that is missing or older than the app's classes fails this test on CI ({@code CI=true}) and skips
 * it elsewhere (e.g. {@code ./mvnw test}, which packages nothing).
 */
class PackagedJarTest extends TenantAdminTest {
    private static final Duration BOOT = Duration.ofMinutes(5); // a start takes seconds; a loaded CI machine, minutes

    @Test
    void thePackagedJarServesHealthAndAUniversityPage() throws IOException, InterruptedException {
        Path jar = packagedJar();
        Result onboarded = run(
                "onboard",
                "--name",
                "Packaged Jar University",
                "--subdomain",
                "packaged",
                "--domains",
                "packaged.edu",
                "--silver",
                "10",
                "--gold",
                "1",
                "--staff",
                "staff@packaged.edu");
        assertThat(onboarded.exitCode()).as(onboarded.err()).isZero();

        Path directory = Files.createTempDirectory("careerai-packaged-jar");
        Path log = directory.resolve("node.log");
        Path classes = directory.resolve("classes.log");
        int port = freePort();
        ProcessBuilder node = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xlog:class+load=info:file=" + classes,
                        "-jar",
                        jar.toString()))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = node.environment();
        environment.put("DATABASE_URL", env.get("DATABASE_URL"));
        environment.put("DATABASE_USER", AppDatabaseRoles.APP_LOGIN);
        environment.put("DATABASE_PASSWORD", AppDatabaseRoles.APP_PASSWORD);
        environment.put("DATABASE_MIGRATION_USER", "postgres");
        environment.put("REDIS_URL", TestServers.redisUrl());
        environment.put("CAREERAI_REDIS_KEY_PREFIX", TestServers.newRedisPrefix());
        environment.put("CAREERAI_BASE_DOMAIN", IntegrationTest.BASE_DOMAIN);
        environment.put("CAREERAI_ROLES", "web");
        environment.put("PORT", Integer.toString(port));
        Process process = node.start();
        try {
            await().atMost(BOOT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> !process.isAlive() || status(port, "/health", "application/json") == 200);
            assertThat(process.isAlive())
                    .as("the node stopped before answering:\n%s", tail(log))
                    .isTrue();

            assertThat(status(port, "/health", "application/json")).isEqualTo(200);
            // the first page renders on a cold JIT: on a loaded machine longer than one read time-out
            AtomicReference<RawHttp.Answer> answered = new AtomicReference<>();
            await().atMost(BOOT).pollInterval(Duration.ofMillis(500)).until(() -> {
                answered.set(answer(port, "/", "text/html"));
                return answered.get() != null;
            });
            RawHttp.Answer page = answered.get();
            assertThat(page.status()).as(tail(log)).isEqualTo(200);
            assertThat(page.body()).contains("Packaged Jar University");
            assertThat(Files.readString(classes))
                    .as("Micronaut opened the application jar as a zip file system (ADR 0044)")
                    .doesNotContain("jdk.nio.zipfs.ZipFileSystem source");
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            // the node's log is in every failure's message (tail); nothing is left in /tmp
            deleteTree(directory);
        }
    }

    /** The runnable jar the app module packaged, fresher than the app's classes. */
    private static Path packagedJar() throws IOException {
        Path app = Path.of("..", "app"); // tests run in tenant-admin's directory
        Path jar = app.resolve("target/careerai-app.jar");
        Path classes = app.resolve("target/classes/com/careerai/Application.class");
        String missing = null;
        if (!Files.isRegularFile(jar)) {
            missing = jar.toAbsolutePath() + " is missing";
        } else if (Files.isRegularFile(classes)
                && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(classes)) < 0) {
            missing = jar.toAbsolutePath() + " is older than the app's classes";
        }
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv().getOrDefault("CI", "").trim())) {
                Assertions.fail(missing + " and CI=true: package the app first (./mvnw verify does)");
            }
            Assumptions.abort(missing + ": package the app first (./mvnw verify does); skipped");
        }
        return jar.toAbsolutePath();
    }

    private static int status(int port, String path, String accept) {
        RawHttp.Answer answer = answer(port, path, accept);
        return answer == null ? -1 : answer.status();
    }

    /** The answer, or null when none came (not listening yet, or slower than the read time-out). */
    private static RawHttp.Answer answer(int port, String path, String accept) {
        try {
            return RawHttp.get(port, path, "Host: " + IntegrationTest.hostOf("packaged"), accept);
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
