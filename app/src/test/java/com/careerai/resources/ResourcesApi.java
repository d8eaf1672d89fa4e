package com.careerai.resources;

import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The resources API as a client calls it in tests: bearer sessions, any status returned, never thrown. */
final class ResourcesApi {
    private final HttpClient client;
    private final ObjectMapper json;

    ResourcesApi(HttpClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** A file to send: its name, declared type and bytes. */
    record Upload(String name, String contentType, byte[] content) {}

    HttpResponse<String> share(String subdomain, SignedIn as, Map<String, String> fields, Upload file) {
        MultipartBody.Builder body = MultipartBody.builder();
        fields.forEach(body::addPart);
        if (file != null) {
            body.addPart("file", file.name(), MediaType.of(file.contentType()), file.content());
        }
        return exchange(HttpRequest.POST("/api/v1/resources", body.build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header("Authorization", as.bearer())
                .header("Host", IntegrationTest.hostOf(subdomain)));
    }

    HttpResponse<String> get(String subdomain, SignedIn as, String path) {
        MutableHttpRequest<?> request = HttpRequest.GET(path).header("Host", IntegrationTest.hostOf(subdomain));
        if (as != null) {
            request.header("Authorization", as.bearer());
        }
        return exchange(request);
    }

    /** A download: status, headers and bytes (an error's body as its bytes). */
    HttpResponse<byte[]> download(String subdomain, SignedIn as, long id) {
        MutableHttpRequest<?> request = HttpRequest.GET("/api/v1/resources/" + id + "/download")
                .header("Host", IntegrationTest.hostOf(subdomain));
        if (as != null) {
            request.header("Authorization", as.bearer());
        }
        try {
            return client.toBlocking().exchange(request, byte[].class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.status(e.getStatus())
                    .body(e.getResponse()
                            .getBody(String.class)
                            .orElse("")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    Map<String, Object> map(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(HttpResponse<String> response) {
        return (List<Map<String, Object>>) map(response).get("resources");
    }

    long id(HttpResponse<String> created) {
        return ((Number) map(created).get("id")).longValue();
    }

    private HttpResponse<String> exchange(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.status(e.getStatus())
                    .body(e.getResponse().getBody(String.class).orElse(""));
        }
    }
}
