package com.careerai.auth.google;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.oauth2.endpoint.authorization.response.AuthorizationErrorResponseException;
import io.micronaut.security.oauth2.endpoint.authorization.response.AuthorizationErrorResponseExceptionHandler;
import jakarta.inject.Singleton;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider answered the callback with an error (the person cancelled, or Google refused):
 * back to the sign-in page with a sentence, instead of Micronaut's bare 400.
 */
@Singleton
@Replaces(AuthorizationErrorResponseExceptionHandler.class)
class ProviderErrorHandler implements ExceptionHandler<AuthorizationErrorResponseException, MutableHttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderErrorHandler.class);

    @Override
    @SuppressWarnings("rawtypes")
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationErrorResponseException exception) {
        LOG.info(
                "OpenID provider answered the callback with {}",
                exception.getAuthorizationErrorResponse().getError());
        return HttpResponse.seeOther(URI.create("/signin?google_error=google_failed"));
    }
}
