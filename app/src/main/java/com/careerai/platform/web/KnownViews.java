package com.careerai.platform.web;

import com.github.jknack.handlebars.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.ResourceLoader;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.views.ViewsConfiguration;
import io.micronaut.views.handlebars.HandlebarsViewsRenderer;
import io.micronaut.views.handlebars.HandlebarsViewsRendererConfiguration;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Micronaut's Handlebars renderer, remembering which views exist: Micronaut asks before every
 * render, and each answer was a class-path resource search in the jar (issue 19's profile of the
 * signed-in home). Views ship inside the jar, so the answer never changes while a node runs.
 * Each first answer is a look-up in the class loader's index of the jar ({@link TemplateFiles}).
 * A page is rendered into memory and written to the response at once ({@link WholePage}).
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
        super(views, new TemplateFiles(resources), configuration, handlebars);
    }

    /**
     * The rendered page reaches the response in one write ({@link WholePage}); the model's members are
     * read by {@link ModelValues}. Handlebars renders a {@link Context} it is given as it is.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Writable render(String viewName, T data, R request) {
        T context = data instanceof Context ? data : (T) ModelValues.context(data);
        return new WholePage(super.render(viewName, context, request));
    }

    @Override
    public boolean exists(String view) {
        if (view == null) {
            return false;
        }
        return exists.computeIfAbsent(view, super::exists);
    }

    /**
     * Finds template files ({@code *.hbs}) through the class loader. Micronaut's loader (4.10) asks of
     * every path it has not seen whether it is a directory, opening the application jar (about 100,000
     * entries) as a zip file system to do so: each view's first render paid for reading the jar's whole
     * directory (a tenth of a node's CPU in its first minute under load, issue 19). A file name with the
     * template extension is never a directory; anything else goes to Micronaut's loader.
     */
    static final class TemplateFiles implements ClassPathResourceLoader {
        private static final String EXTENSION = ".hbs";
        private final ClassPathResourceLoader loader;

        TemplateFiles(ClassPathResourceLoader loader) {
            this.loader = loader;
        }

        @Override
        public Optional<URL> getResource(String path) {
            String name = path.startsWith("classpath:") ? path.substring("classpath:".length()) : path;
            name = name.startsWith("/") ? name.substring(1) : name;
            if (!name.endsWith(EXTENSION) || name.contains("..")) {
                return loader.getResource(path);
            }
            URL url = loader.getClassLoader().getResource(name);
            return url != null ? Optional.of(url) : loader.getResource(path);
        }

        @Override
        public Optional<InputStream> getResourceAsStream(String path) {
            return loader.getResourceAsStream(path);
        }

        @Override
        public Stream<URL> getResources(String name) {
            return loader.getResources(name);
        }

        @Override
        public ClassLoader getClassLoader() {
            return loader.getClassLoader();
        }

        @Override
        public boolean supportsPrefix(String prefix) {
            return loader.supportsPrefix(prefix);
        }

        @Override
        public ResourceLoader forBase(String basePath) {
            return loader.forBase(basePath);
        }
    }
}
