package com.careerai.credits;

import com.careerai.platform.web.ErrorPages;
import com.careerai.platform.web.LayoutModel;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The 402 answer when a student cannot pay: a page offering the other currency (when the wallet
 * holds enough of it) or buying credits, or for API clients the error JSON plus the same offer.
 */
@Singleton
class InsufficientCreditsHandler implements ExceptionHandler<InsufficientCreditsException, HttpResponse<?>> {
    static final String VIEW = "credits/insufficient";
    static final String BUY_URL = "/billing";

    /** The API error shape ({@code error}, {@code message}) plus what the client can offer instead. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InsufficientCreditsError(
            String error,
            String message,
            CreditErrorCode code,
            String feature,
            Currency currency,
            int cost,
            long balance,
            @Nullable InsufficientCreditsException.Alternative alternative,
            String buyUrl) {}

    private final ViewsRendererLocator renderers;
    private final LayoutModel layoutModel;
    private final CreditCosts costs;

    InsufficientCreditsHandler(ViewsRendererLocator renderers, LayoutModel layoutModel, CreditCosts costs) {
        this.renderers = renderers;
        this.layoutModel = layoutModel;
        this.costs = costs;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<?> handle(HttpRequest request, InsufficientCreditsException exception) {
        if (ErrorPages.wantsJson(request)) {
            return HttpResponse.status(HttpStatus.PAYMENT_REQUIRED)
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new InsufficientCreditsError(
                            exception.code(),
                            exception.getMessage(),
                            exception.errorCode(),
                            exception.feature(),
                            exception.currency(),
                            exception.cost(),
                            exception.balance(),
                            exception.alternative().orElse(null),
                            BUY_URL));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("message", exception.getMessage());
        model.put("tool", costs.label(exception.feature()));
        model.put("feature", exception.feature());
        model.put("currency", exception.currency().key());
        model.put("cost", exception.cost());
        model.put("balance", exception.balance());
        exception
                .alternative()
                .ifPresent(alternative -> model.put(
                        "alternative",
                        Map.of(
                                "currency", alternative.currency().key(),
                                "cost", alternative.cost(),
                                "premium", alternative.currency() == Currency.GOLD)));
        model.put("buyUrl", BUY_URL);
        model.put("layout", layoutModel.forRequest(request));
        return HttpResponse.status(HttpStatus.PAYMENT_REQUIRED)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .body(render(request, model));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String render(HttpRequest<?> request, Map<String, Object> model) {
        Optional<ViewsRenderer> renderer = renderers.resolveViewsRenderer(VIEW, MediaType.TEXT_HTML, model);
        StringWriter out = new StringWriter();
        try {
            renderer.orElseThrow().render(VIEW, model, request).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
