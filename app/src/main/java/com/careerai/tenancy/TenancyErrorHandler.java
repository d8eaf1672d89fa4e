package com.careerai.tenancy;

import com.careerai.platform.web.ErrorPages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The web edge of tenancy: maps each {@link TenancyException} to its status and stable error code
 * and answers through {@link ErrorPages} (an HTML page, or {@code {"error","message","fields"}}).
 */
@Singleton
class TenancyErrorHandler implements ExceptionHandler<TenancyException, HttpResponse<?>> {
    private final ErrorPages errorPages;

    TenancyErrorHandler(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<?> handle(HttpRequest request, TenancyException exception) {
        Map<String, String> fields = Map.of();
        HttpStatus status;
        String code;
        if (exception instanceof UnknownTenantException) {
            status = HttpStatus.NOT_FOUND;
            code = "unknown_university";
        } else if (exception instanceof SuspendedTenantException) {
            status = HttpStatus.FORBIDDEN;
            code = "university_suspended";
        } else if (exception instanceof UniversityNotFoundException) {
            status = HttpStatus.NOT_FOUND;
            code = "university_not_found";
        } else {
            status = HttpStatus.UNPROCESSABLE_ENTITY;
            code = "invalid_university";
            fields = ((InvalidUniversityException) exception).fields();
        }
        return errorPages.respond(request, status, code, exception.getMessage(), fields);
    }
}
