package com.careerai.platform.web;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.io.TemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each view and partial is found and parsed once. Micronaut's Handlebars bean comes with
 * Handlebars' {@code NullTemplateCache}, so every page, email and PDF parsed its templates again on
 * every render: 30 % of the CPU a signed-in home page took under load (bench/run with JFR, issue
 * 19). With the parse cached, looking each template up again in the jar (a class-path resource
 * search per view and per partial on every render) was the next cost, so the loader remembers
 * what it found. Views ship inside the jar, so nothing needs reloading.
 */
@Singleton
class CompiledTemplates implements BeanCreatedEventListener<Handlebars> {
    @Override
    public Handlebars onCreated(BeanCreatedEvent<Handlebars> event) {
        Handlebars handlebars = event.getBean();
        return handlebars.with(new ConcurrentMapTemplateCache()).with(new RememberingLoader(handlebars.getLoader()));
    }

    /** A template loader that looks each location up once (a missing one is asked again). */
    static final class RememberingLoader implements TemplateLoader {
        private final TemplateLoader loader;
        private final Map<String, TemplateSource> found = new ConcurrentHashMap<>();

        RememberingLoader(TemplateLoader loader) {
            this.loader = loader;
        }

        @Override
        public TemplateSource sourceAt(String location) throws IOException {
            TemplateSource source = found.get(location);
            if (source == null) {
                source = loader.sourceAt(location);
                found.put(location, source);
            }
            return source;
        }

        @Override
        public String resolve(String location) {
            return loader.resolve(location);
        }

        @Override
        public String getPrefix() {
            return loader.getPrefix();
        }

        @Override
        public String getSuffix() {
            return loader.getSuffix();
        }

        @Override
        public void setPrefix(String prefix) {
            loader.setPrefix(prefix);
            found.clear();
        }

        @Override
        public void setSuffix(String suffix) {
            loader.setSuffix(suffix);
            found.clear();
        }

        @Override
        public void setCharset(Charset charset) {
            loader.setCharset(charset);
            found.clear();
        }

        @Override
        public Charset getCharset() {
            return loader.getCharset();
        }
    }
}
