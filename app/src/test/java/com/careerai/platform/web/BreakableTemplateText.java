package com.careerai.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Test-only: renders like {@link TemplateText}, except that a model whose {@code name} is
 * {@value #BREAK} fails, as a broken template would.
 */
@Singleton
@Replaces(TemplateText.class)
@Requires(property = "spec.name", value = "ReferralTrainerTest")
public class BreakableTemplateText extends TemplateText {
    public static final String BREAK = "Break Me";

    BreakableTemplateText(ViewsRendererLocator renderers) {
        super(renderers);
    }

    @Override
    public String render(String view, Map<String, Object> model) {
        if (BREAK.equals(model.get("name"))) {
            throw new IllegalStateException("Template " + view + " is broken");
        }
        return super.render(view, model);
    }
}
