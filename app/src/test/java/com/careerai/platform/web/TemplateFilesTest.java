package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.io.scan.ClassPathResourceLoader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Template files are found through the class loader, without Micronaut's loader (which opens the
 * application jar as a zip file system for each new path, issue 19); every other path is its.
 */
class TemplateFilesTest {
    private final List<String> askedMicronaut = new ArrayList<>();
    private final ClassPathResourceLoader micronaut = new ClassPathResourceLoader() {
        private final ClassPathResourceLoader real =
                ClassPathResourceLoader.defaultLoader(getClass().getClassLoader());

        @Override
        public Optional<URL> getResource(String path) {
            askedMicronaut.add(path);
            return real.getResource(path);
        }

        @Override
        public java.util.Optional<java.io.InputStream> getResourceAsStream(String path) {
            return real.getResourceAsStream(path);
        }

        @Override
        public java.util.stream.Stream<URL> getResources(String name) {
            return real.getResources(name);
        }

        @Override
        public ClassLoader getClassLoader() {
            return real.getClassLoader();
        }

        @Override
        public io.micronaut.core.io.ResourceLoader forBase(String basePath) {
            return real.forBase(basePath);
        }
    };
    private final KnownViews.TemplateFiles files = new KnownViews.TemplateFiles(micronaut);

    @Test
    void aTemplateFileIsFoundByTheClassLoaderAlone() {
        Optional<URL> plain = files.getResource("views/home/dashboard.hbs");
        Optional<URL> prefixed = files.getResource("classpath:views/home/dashboard.hbs");

        assertThat(plain).as("the dashboard view").isPresent();
        assertThat(plain.get().toString()).endsWith("views/home/dashboard.hbs");
        assertThat(prefixed).isEqualTo(plain);
        assertThat(askedMicronaut).as("paths Micronaut's loader was asked for").isEmpty();
    }

    @Test
    void aMissingTemplateAndAnyOtherPathAreMicronautsToAnswer() {
        assertThat(files.getResource("views/no/such-view.hbs")).isEmpty();
        assertThat(files.getResource("views/home")).isEqualTo(micronaut.getResource("views/home"));
        assertThat(files.getResource("views/../application.yml.hbs")).isEmpty();

        assertThat(askedMicronaut)
                .as("paths Micronaut's loader was asked for")
                .contains("views/no/such-view.hbs", "views/home", "views/../application.yml.hbs");
    }
}
