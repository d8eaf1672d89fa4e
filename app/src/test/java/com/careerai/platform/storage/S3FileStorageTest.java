package com.careerai.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.testing.S3MockServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The S3 adapter through the real AWS SDK against a real S3-protocol server (S3Mock), not a mock of the SDK. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3FileStorageTest {
    private S3MockServer server;
    private S3FileStorage storage;

    @BeforeAll
    void start() {
        server = S3MockServer.start("careerai-test");
        StorageConfiguration configuration = new StorageConfiguration();
        configuration.setKind("s3");
        configuration.setS3Endpoint(server.endpoint());
        configuration.setS3Bucket("careerai-test");
        configuration.setS3Region("eu-west-1");
        configuration.setS3AccessKey("test-access");
        configuration.setS3SecretKey("test-secret");
        storage = new S3FileStorage(configuration);
    }

    @AfterAll
    void stop() {
        if (storage != null) {
            storage.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void storesUnderAServerMadeKeyReadsBackAndDeletes() throws IOException {
        byte[] content = "%PDF-1.4 a small guide".getBytes(StandardCharsets.US_ASCII);
        String key = storage.put(7, "resources", content, "application/pdf");
        assertThat(key).matches("u7/resources/\\d{4}-\\d{2}/[0-9a-f-]{36}");
        try (InputStream stored = storage.open(key)) {
            assertThat(stored.readAllBytes()).isEqualTo(content);
        }
        storage.delete(key);
        assertThatThrownBy(() -> storage.open(key)).isInstanceOf(StoredFileMissingException.class);
        assertThatThrownBy(() -> storage.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void downloadsGoThroughAShortLivedPresignedUrlNamingTheAttachment() throws Exception {
        byte[] content = "slides".getBytes(StandardCharsets.US_ASCII);
        String key = storage.put(7, "resources", content, "application/pdf");
        URI url = storage.downloadUrl(key, "interview-guide.pdf", "application/pdf")
                .orElseThrow();
        assertThat(url.toString())
                .startsWith(server.endpoint() + "/careerai-test/u7/resources/")
                .contains("X-Amz-Signature=");

        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("attachment; filename=\"interview-guide.pdf\""));

        URI tampered = URI.create(url.toString().replace("X-Amz-Signature=", "X-Amz-Signature=0"));
        // S3Mock does not check signatures; what matters here is that the adapter signs every URL
        assertThat(tampered).isNotEqualTo(url);
    }
}
