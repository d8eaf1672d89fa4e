package com.careerai.auth.session;

import com.careerai.platform.web.ErrorPages;
import com.careerai.tenancy.Tenants;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Cross-site request forgery defence for every state-changing request (POST, PUT, PATCH, DELETE)
 * on a university's host. Sibling university subdomains are same-site to each other, so
 * SameSite cookies alone do not stop one university's pages from posting to another's.
 *
 * <ol>
 *   <li>{@code Sec-Fetch-Site: cross-site} is refused (403 {@code cross_site_refused}).
 *   <li>A request authenticated by {@code Authorization: Bearer} needs nothing more: browsers never
 *       add that header on their own.
 *   <li>A request authenticated by the session cookie must carry the session's token
 *       ({@link CsrfTokens#forSession}) in the {@code X-CSRF-Token} header, the {@code csrf} query
 *       parameter, or the {@code csrf} field of a form body.
 *   <li>Anyone else (the sign-in forms) must carry the token derived from their CSRF cookie seed
 *       (a signed double-submit cookie) — except an {@code /api/} request that carries no cookie
 *       at all: a forged browser request always carries the cookies it would abuse, so a request
 *       without any is a plain API client.
 * </ol>
 *
 * Failures answer 403 {@code csrf_failed}. Webhooks ({@code /webhooks/}, root host) are exempt.
 * The filter also sets the anonymous visitor's CSRF cookie when a page made one up.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class CsrfFilter implements HttpServerFilter {
    private static final Set<HttpMethod> STATE_CHANGING =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final CsrfTokens csrfTokens;
    private final AnonymousCsrf anonymousCsrf;
    private final SessionCookies sessionCookies;
    private final ErrorPages errorPages;
    private final FilterBodyParser bodyParser;

    CsrfFilter(
            CsrfTokens csrfTokens,
            AnonymousCsrf anonymousCsrf,
            SessionCookies sessionCookies,
            ErrorPages errorPages,
            FilterBodyParser bodyParser) {
        this.csrfTokens = csrfTokens;
        this.anonymousCsrf = anonymousCsrf;
        this.sessionCookies = sessionCookies;
        this.errorPages = errorPages;
        this.bodyParser = bodyParser;
    }

    @Override
    public int getOrder() {
        // After authentication, so we know whether the request came with a cookie session or a bearer token.
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!STATE_CHANGING.contains(request.getMethod())
                || Tenants.current(request).isEmpty()
                || request.getPath().startsWith("/webhooks/")) {
            return proceed(request, chain);
        }
        if ("cross-site".equalsIgnoreCase(request.getHeaders().get("Sec-Fetch-Site"))) {
            return Mono.just(
                    refuse(
                            request,
                            "cross_site_refused",
                            "This request came from another website and was refused. Open the page on this site and try again."));
        }
        if (SignedInUsers.viaBearer(request)) {
            return proceed(request, chain);
        }
        Optional<String> sessionId = SignedInUsers.sessionId(request);
        if (sessionId.isEmpty()
                && request.getPath().startsWith("/api/")
                && request.getHeaders().get(HttpHeaders.COOKIE) == null) {
            return proceed(request, chain);
        }
        Optional<String> expected =
                sessionId.map(csrfTokens::forSession).or(() -> anonymousCsrf.expectedToken(request));
        return Mono.fromFuture(() -> presentedToken(request)).flatMap(presented -> {
            if (expected.isPresent() && Secrets.constantTimeEquals(expected.get(), presented.orElse(null))) {
                return Mono.from(proceed(request, chain));
            }
            return Mono.just(refuse(
                    request,
                    "csrf_failed",
                    "This form has expired or did not come from this site. Reload the page and try again."));
        });
    }

    private Publisher<MutableHttpResponse<?>> proceed(HttpRequest<?> request, ServerFilterChain chain) {
        return Mono.from(chain.proceed(request)).map(response -> withNewSeedCookie(request, response));
    }

    private MutableHttpResponse<?> refuse(HttpRequest<?> request, String code, String message) {
        return withNewSeedCookie(request, errorPages.respond(request, HttpStatus.FORBIDDEN, code, message, Map.of()));
    }

    private MutableHttpResponse<?> withNewSeedCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(AnonymousCsrf.NEW_SEED_ATTRIBUTE, String.class)
                .ifPresent(seed -> response.cookie(sessionCookies.csrfSeed(seed)));
        return response;
    }

    private CompletableFuture<Optional<String>> presentedToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(CsrfTokens.HEADER);
        if (header != null && !header.isBlank()) {
            return CompletableFuture.completedFuture(Optional.of(header.trim()));
        }
        Optional<String> query = request.getParameters().getFirst(CsrfTokens.FIELD);
        if (query.isPresent()) {
            return CompletableFuture.completedFuture(query);
        }
        boolean form = request.getContentType()
                .map(type -> type.getName().equalsIgnoreCase(MediaType.APPLICATION_FORM_URLENCODED))
                .orElse(false);
        if (!form) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return bodyParser
                .parseBody(request)
                .thenApply(body -> fieldOf(body.get(CsrfTokens.FIELD)))
                .exceptionally(error -> Optional.empty());
    }

    private static Optional<String> fieldOf(@Nullable Object value) {
        if (value instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String text) {
            return Optional.of(text);
        }
        return Optional.empty();
    }
}
