package com.careerai.notifications;

import io.micronaut.http.MediaType;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Renders the subject, HTML and text views of a {@link MailTemplate} (Handlebars, no page layout). */
@Singleton
class MailTemplates {
    private final ViewsRendererLocator renderers;

    MailTemplates(ViewsRendererLocator renderers) {
        this.renderers = renderers;
    }

    /** Subject, HTML and text of {@code template} for {@code model}. */
    record Rendered(String subject, String html, String text) {}

    Rendered render(MailTemplate template, Map<String, Object> model) {
        String base = "mail/" + template.viewName();
        return new Rendered(
                render(base + "-subject", model).strip().replaceAll("\\s+", " "),
                render(base + "-html", model),
                render(base + "-text", model));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String render(String view, Map<String, Object> model) {
        ViewsRenderer renderer = renderers
                .resolveViewsRenderer(view, MediaType.TEXT_HTML, model)
                .orElseThrow(() -> new IllegalStateException("No mail view " + view));
        StringWriter out = new StringWriter();
        try {
            renderer.render(view, model, null).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
