package com.careerai.platform.web;

import com.careerai.platform.config.CareerAiConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.util.HttpHostResolver;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Answers every error in one of two shapes: an HTML page in the site's layout for browsers, or
 * {@link ApiError} JSON for API clients ({@code /api/…}, webhooks, or {@code Accept: application/json}).
 * Renders by itself because an error raised in a filter never reaches the views filter.
 */
@Singleton
public class ErrorPages {
    private static final String VIEW = "error/error";

    /** Errors of the address itself: their "home" is the platform's site, never the same error again. */
    private static final Set<String> OFF_SITE_CODES =
            Set.of("unknown_university", "university_suspended", "university_not_found");

    private final TemplateText templates;
    /**
     * Made at the first error page: Micronaut's route executor needs this class's error processor
     * at start-up, and the layout would bring every feature's layout contributor (wallets, billing,
     * …) with it before the first answer (issue 19, start-up; ADR 0044).
     */
    private final BeanProvider<LayoutModel> layoutModel;

    private final HttpHostResolver hosts;
    private final CareerAiConfiguration configuration;

    ErrorPages(
            TemplateText templates,
            BeanProvider<LayoutModel> layoutModel,
            HttpHostResolver hosts,
            CareerAiConfiguration configuration) {
        this.templates = templates;
        this.layoutModel = layoutModel;
        this.hosts = hosts;
        this.configuration = configuration;
    }

    public MutableHttpResponse<Object> respond(
            HttpRequest<?> request, HttpStatus status, String code, String message, Map<String, String> fields) {
        if (wantsJson(request)) {
            return HttpResponse.status(status)
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ApiError(code, message, fields.isEmpty() ? null : fields));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.getCode());
        model.put("title", title(status));
        model.put("message", message);
        model.put("fields", fields);
        Map<String, Object> layout = layoutModel.get().forRequest(request);
        if (OFF_SITE_CODES.contains(code)) {
            String platform = platformSite(request);
            layout.put("homeUrl", platform);
            model.put("homeUrl", platform);
            model.put("homeLabel", "Go to the CareerAI site");
        } else {
            model.put("homeUrl", "/");
            model.put("homeLabel", "Go to the home page");
        }
        model.put("layout", layout);
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(render(request, model));
    }

    /** The platform's public site at the request's scheme and port, e.g. {@code http://careerai.localhost:8080/}. */
    String platformSite(HttpRequest<?> request) {
        java.net.URI site = java.net.URI.create(hosts.resolve(request)); // the configured scheme://host[:port]
        String port = site.getPort() < 0 ? "" : ":" + site.getPort();
        return site.getScheme() + "://" + configuration.getBaseDomain() + port + "/";
    }

    public static boolean wantsJson(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith("/api/") || path.startsWith("/webhooks/")) {
            return true;
        }
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    public static String codeFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "bad_request";
            case UNAUTHORIZED -> "unauthorized";
            case PAYMENT_REQUIRED -> "payment_required";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case NOT_ACCEPTABLE -> "not_acceptable";
            case CONFLICT -> "conflict";
            case REQUEST_ENTITY_TOO_LARGE -> "payload_too_large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case UNPROCESSABLE_ENTITY -> "validation_failed";
            case TOO_MANY_REQUESTS -> "rate_limited";
            case SERVICE_UNAVAILABLE -> "unavailable";
            default -> status.getCode() >= 500 ? "internal_error" : "error";
        };
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Page not found";
            case FORBIDDEN -> "Not available";
            case UNAUTHORIZED -> "Please sign in";
            case TOO_MANY_REQUESTS -> "Too many attempts";
            default -> status.getCode() >= 500 ? "Something went wrong" : status.getReason();
        };
    }

    private String render(HttpRequest<?> request, Map<String, Object> model) {
        try {
            return templates.render(VIEW, model, request);
        } catch (RuntimeException e) {
            // an error page must never fail: fall back to the plainest answer
            return "<!doctype html><title>Error</title><p>" + model.get("title") + "</p>";
        }
    }
}
