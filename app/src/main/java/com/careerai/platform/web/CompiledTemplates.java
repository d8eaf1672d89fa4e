package com.careerai.platform.web;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Each view and partial is parsed once. Micronaut's Handlebars bean comes with Handlebars'
 * {@code NullTemplateCache}, so every page, email and PDF parsed its templates again on every
 * render: 30 % of the CPU a signed-in home page took under load (bench/run with JFR, issue 19).
 * Views ship inside the jar, so nothing needs reloading.
 */
@Singleton
class CompiledTemplates implements BeanCreatedEventListener<Handlebars> {
    @Override
    public Handlebars onCreated(BeanCreatedEvent<Handlebars> event) {
        return event.getBean().with(new ConcurrentMapTemplateCache());
    }
}
