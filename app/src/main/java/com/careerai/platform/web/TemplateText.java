package com.careerai.platform.web;

import io.micronaut.http.MediaType;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Renders a Handlebars view to a string outside a request (PDF documents, emails). */
@Singleton
public class TemplateText {
    private final ViewsRendererLocator renderers;

    TemplateText(ViewsRendererLocator renderers) {
        this.renderers = renderers;
    }

    public String render(String view, Map<String, Object> model) {
        return render(view, model, null);
    }

    /** Renders {@code view}; {@code request} (may be null) lets the renderer see the request. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public String render(
            String view,
            Map<String, Object> model,
            @io.micronaut.core.annotation.Nullable io.micronaut.http.HttpRequest<?> request) {
        ViewsRenderer renderer = renderers
                .resolveViewsRenderer(view, MediaType.TEXT_HTML, model)
                .orElseThrow(() -> new IllegalStateException("No renderer for " + view));
        StringWriter out = new StringWriter();
        try {
            renderer.render(view, model, request).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
