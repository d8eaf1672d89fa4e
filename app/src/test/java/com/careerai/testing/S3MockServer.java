package com.careerai.testing;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * A real S3-protocol server for tests: Adobe S3Mock started in this JVM on a free port, with the
 * given bucket. Spring Boot (which S3Mock runs on) is kept away from the JVM's logging.
 */
public final class S3MockServer implements AutoCloseable {
    private final S3MockApplication application;
    private final int httpPort;

    private S3MockServer(S3MockApplication application, int httpPort) {
        this.application = application;
        this.httpPort = httpPort;
    }

    public static S3MockServer start(String bucket) {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        try {
            int httpPort = freePort();
            S3MockApplication application = S3MockApplication.start(new java.util.HashMap<>(Map.of(
                    S3MockApplication.PROP_HTTP_PORT,
                    httpPort,
                    S3MockApplication.PROP_HTTPS_PORT,
                    S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_INITIAL_BUCKETS,
                    bucket,
                    S3MockApplication.PROP_ROOT_DIRECTORY,
                    Files.createTempDirectory("s3mock").toString(),
                    S3MockApplication.PROP_SILENT,
                    true)));
            S3MockServer server = new S3MockServer(application, httpPort);
            server.warmUp();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plain-HTTP endpoint, e.g. {@code http://127.0.0.1:43125}. */
    public String endpoint() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** S3Mock builds its beans on the first request (seconds on a busy machine): do that now, not in a test. */
    private void warmUp() {
        try {
            java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(endpoint() + "/"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        application.stop();
    }
}
