package com.careerai.auth.session;

import com.careerai.platform.web.ErrorPages;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a {@code @Secured} refusal looks like: an anonymous browser is sent to
 * {@code /signin?next=<page>} (303); an anonymous API caller gets 401 {@code unauthorized}; a
 * signed-in user without the role gets 403 {@code forbidden}, as a page or JSON.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class SignInRequiredHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
    private final ErrorPages errorPages;

    SignInRequiredHandler(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return errorPages.respond(
                    request,
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Your account cannot open this. It is for a different role (for example university staff).",
                    Map.of());
        }
        if (ErrorPages.wantsJson(request)) {
            return errorPages.respond(
                    request,
                    HttpStatus.UNAUTHORIZED,
                    "unauthorized",
                    "Sign in first: send the session cookie or an Authorization: Bearer token.",
                    Map.of());
        }
        String target = "/signin";
        if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD) {
            String path = request.getUri().getRawPath();
            String query = request.getUri().getRawQuery();
            String next = query == null ? path : path + "?" + query;
            target += "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        }
        return HttpResponse.seeOther(URI.create(target));
    }
}
