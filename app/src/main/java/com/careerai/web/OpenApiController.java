package com.careerai.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

/** Serves the OpenAPI document that micronaut-openapi generates at build time. */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class OpenApiController {
    static final String DOCUMENT = "classpath:META-INF/swagger/careerai.yml";

    private final byte[] document;

    OpenApiController(ResourceResolver resources) {
        this.document = resources
                .getResource(DOCUMENT)
                .map(OpenApiController::read)
                .map(generated -> OpenApiErrors.complete(new String(generated, java.nio.charset.StandardCharsets.UTF_8))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .orElse(new byte[0]);
    }

    @Get(uri = "/openapi.yml", produces = "application/yaml")
    HttpResponse<byte[]> openApi() {
        return document.length == 0
                ? HttpResponse.notFound()
                : HttpResponse.ok(document).contentType(MediaType.of("application/yaml"));
    }

    private static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
