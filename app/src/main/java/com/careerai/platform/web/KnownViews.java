package com.careerai.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.views.ViewsConfiguration;
import io.micronaut.views.handlebars.HandlebarsViewsRenderer;
import io.micronaut.views.handlebars.HandlebarsViewsRendererConfiguration;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Micronaut's Handlebars renderer, remembering which views exist: Micronaut asks before every
 * render, and each answer was a class-path resource search in the jar (issue 19's profile of the
 * signed-in home). Views ship inside the jar, so the answer never changes while a node runs.
 */
@Singleton
@Replaces(HandlebarsViewsRenderer.class)
class KnownViews<T, R> extends HandlebarsViewsRenderer<T, R> {
    private final Map<String, Boolean> exists = new ConcurrentHashMap<>();

    KnownViews(
            ViewsConfiguration views,
            ClassPathResourceLoader resources,
            HandlebarsViewsRendererConfiguration configuration,
            com.github.jknack.handlebars.Handlebars handlebars) {
        super(views, resources, configuration, handlebars);
    }

    @Override
    public boolean exists(String view) {
        if (view == null) {
            return false;
        }
        return exists.computeIfAbsent(view, super::exists);
    }
}
