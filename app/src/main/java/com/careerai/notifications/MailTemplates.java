package com.careerai.notifications;

import com.careerai.platform.web.TemplateText;
import jakarta.inject.Singleton;
import java.util.Map;

/** Renders the subject, HTML and text views of a {@link MailTemplate} (Handlebars, no page layout). */
@Singleton
class MailTemplates {
    private final TemplateText templates;

    MailTemplates(TemplateText templates) {
        this.templates = templates;
    }

    /** Subject, HTML and text of {@code template} for {@code model}. */
    record Rendered(String subject, String html, String text) {}

    Rendered render(MailTemplate template, Map<String, Object> model) {
        String base = "mail/" + template.viewName();
        return new Rendered(
                templates.render(base + "-subject", model).strip().replaceAll("\\s+", " "),
                templates.render(base + "-html", model),
                templates.render(base + "-text", model));
    }
}
