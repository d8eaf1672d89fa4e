package com.careerai.auth;

import com.careerai.platform.web.ErrorPages;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers {@link RateLimitedException} like every problem, plus the {@code Retry-After} header. */
@Singleton
class RateLimitedExceptionHandler implements ExceptionHandler<RateLimitedException, HttpResponse<?>> {
    private final ErrorPages errorPages;

    RateLimitedExceptionHandler(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<?> handle(HttpRequest request, RateLimitedException exception) {
        return errorPages
                .respond(request, exception.status(), exception.code(), exception.getMessage(), exception.fields())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()));
    }
}
