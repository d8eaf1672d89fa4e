package com.careerai.platform.web;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.io.TemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each view and partial is found and parsed once. Micronaut's Handlebars bean comes with
 * Handlebars' {@code NullTemplateCache}, so every page, email and PDF parsed its templates again on
 * every render: 30 % of the CPU a signed-in home page took under load (bench/run with JFR, issue
 * 19). With the parse cached, looking each template up again in the jar (a class-path resource
 * search per view and per partial on every render) was the next cost, so the loader remembers
 * what it found. Views ship inside the jar, so nothing needs reloading. Values are escaped by
 * {@link HtmlEscaping}: Handlebars' own escaping, without a string and a map look-up per character.
 * Blocks ({@code if}, {@code unless}, {@code each}, {@code block}) write to the page as they render
 * ({@link WritingBlockHelpers}), not into a string each.
 */
@Singleton
class CompiledTemplates implements BeanCreatedEventListener<Handlebars> {
    /**
     * Characters Handlebars reserves for the text of each block it renders ({@code {{#if}}}, each
     * turn of an {@code {{#each}}}): its default, 1,600, made a 3.2 KB array for every one of them,
     * about 230 KB of a signed-in home page's 520 KB of garbage (issue 19's allocation profile), for
     * blocks mostly a few dozen characters long. A bigger block's buffer grows as it fills.
     * Handlebars reads the system property {@code hbs.buffer} once, when it first renders (after this
     * bean exists); a value given on the command line wins.
     */
    static final String BLOCK_BUFFER = "128";

    static {
        System.getProperties().putIfAbsent("hbs.buffer", BLOCK_BUFFER);
    }

    @Override
    public Handlebars onCreated(BeanCreatedEvent<Handlebars> event) {
        return configure(event.getBean());
    }

    /** Handlebars as every render uses it (also bench/src's HomeRenderHarness, outside a context). */
    static Handlebars configure(Handlebars handlebars) {
        return WritingBlockHelpers.register(handlebars)
                .with(new ConcurrentMapTemplateCache())
                .with(new RememberingLoader(handlebars.getLoader()))
                .with(new HtmlEscaping());
    }

    /**
     * A template loader that looks each location up once, and remembers what is missing too: the
     * layout's {@code {{#block "head"}}} and {@code {{#block "scripts"}}} ask for a template of that
     * name whenever a page fills no such partial (Handlebars' block helper then shows the block's own
     * content), and each such miss searched the class path and built a stack trace on every render.
     */
    static final class RememberingLoader implements TemplateLoader {
        private final TemplateLoader loader;
        private final Map<String, TemplateSource> found = new ConcurrentHashMap<>();
        private final Set<String> missing = ConcurrentHashMap.newKeySet();

        RememberingLoader(TemplateLoader loader) {
            this.loader = loader;
        }

        @Override
        public TemplateSource sourceAt(String location) throws IOException {
            TemplateSource source = found.get(location);
            if (source != null) {
                return source;
            }
            if (missing.contains(location)) {
                throw new Missing(location);
            }
            try {
                source = loader.sourceAt(location);
            } catch (FileNotFoundException e) {
                missing.add(location);
                throw e;
            }
            found.put(location, source);
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
            forget();
        }

        @Override
        public void setSuffix(String suffix) {
            loader.setSuffix(suffix);
            forget();
        }

        @Override
        public void setCharset(Charset charset) {
            loader.setCharset(charset);
            forget();
        }

        private void forget() {
            found.clear();
            missing.clear();
        }

        @Override
        public Charset getCharset() {
            return loader.getCharset();
        }
    }

    /** A location known to hold no template: thrown as often as asked, so it carries no stack trace. */
    static final class Missing extends FileNotFoundException {
        private static final long serialVersionUID = 1L;

        Missing(String location) {
            super(location);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
