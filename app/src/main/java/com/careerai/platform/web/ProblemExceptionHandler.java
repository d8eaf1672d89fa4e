package com.careerai.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Shows every {@link ProblemException} through {@link ErrorPages}. */
@Singleton
class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {
    private final ErrorPages errorPages;

    ProblemExceptionHandler(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<?> handle(HttpRequest request, ProblemException exception) {
        return errorPages.respond(
                request, exception.status(), exception.code(), exception.getMessage(), exception.fields());
    }
}
