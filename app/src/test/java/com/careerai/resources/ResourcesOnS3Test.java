package com.careerai.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.interests.Interest;
import com.careerai.interests.Interests;
import com.careerai.resources.ResourcesApi.Upload;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.S3MockServer;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** With CAREERAI_STORAGE=s3 a download is counted, then redirected to a presigned URL of the bucket. */
@MicronautTest(transactional = false)
class ResourcesOnS3Test extends IntegrationTest {
    private S3MockServer s3;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    Interests interests;

    @Override
    protected Map<String, String> extraProperties() {
        s3 = S3MockServer.start("resources");
        return Map.of(
                "micronaut.http.client.follow-redirects", "false",
                "micronaut.http.client.read-timeout", "60s",
                "careerai.storage.kind", "s3",
                "careerai.storage.s3-endpoint", s3.endpoint(),
                "careerai.storage.s3-bucket", "resources",
                "careerai.storage.s3-access-key", "key",
                "careerai.storage.s3-secret-key", "secret");
    }

    @AfterAll
    void stopS3() {
        s3.close();
    }

    @Test
    void aDownloadIsRecordedAndRedirectedToAShortLivedPresignedUrl() throws Exception {
        ResourcesApi api = new ResourcesApi(client, json);
        University uni = fixtures.university();
        SignedIn staff = sessions.signIn(fixtures.staff(uni));
        Interest tag = fixtures.in(uni, () -> interests.add(uni.id(), "Software", "test"));
        HttpResponse<String> created = api.share(
                uni.subdomain(),
                staff,
                Map.of("title", "Stored in S3", "interests", String.valueOf(tag.id())),
                new Upload("s3.pdf", "application/pdf", ResourceSamples.pdf()));
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        long id = api.id(created);
        SignedIn student = sessions.signIn(fixtures.student(uni));

        HttpResponse<byte[]> redirect = api.download(uni.subdomain(), student, id);
        assertThat(redirect.code()).isEqualTo(302);
        String location = redirect.header("Location");
        assertThat(location)
                .startsWith(s3.endpoint() + "/resources/u" + uni.id() + "/resources/")
                .contains("X-Amz-Expires=300");
        assertThat(count("SELECT downloads FROM resources WHERE university_id = ? AND id = ?", uni.id(), id))
                .isEqualTo(1);

        java.net.http.HttpResponse<byte[]> file = java.net.http.HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(location)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(ResourceSamples.pdf());
        assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"stored-in-s3.pdf\"");
    }
}
