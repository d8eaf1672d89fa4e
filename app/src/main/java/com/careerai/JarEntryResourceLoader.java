package com.careerai;

import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.core.io.scan.DefaultClassPathResourceLoader;
import io.micronaut.runtime.Micronaut;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Reads the configuration files (application.yml, application-&lt;env&gt;.yml) straight out of the jar
 * that the class loader already has open. Micronaut 4.10's own loader opens the jar as a zip file
 * system for every file it reads, only to ask whether the name is a directory; on the application
 * jar (about 100,000 entries) each opening reads and indexes the whole central directory again: 8 %
 * of the main thread's start-up in a profile (issue 19, ADR 0038). Later Micronaut versions read
 * the entry this same way. Anything but an entry of a jar file on disk goes to Micronaut's loader.
 */
final class JarEntryResourceLoader extends DefaultClassPathResourceLoader {

    JarEntryResourceLoader(ClassLoader classLoader) {
        super(classLoader);
    }

    /** {@link Micronaut#build(String...)} reading its configuration through this loader. */
    static Micronaut micronaut(String... args) {
        return new Micronaut() {
            private ClassPathResourceLoader loader;

            @Override
            public ClassPathResourceLoader getResourceLoader() {
                if (loader == null) {
                    ClassLoader classLoader = getClassLoader();
                    loader = new JarEntryResourceLoader(
                            classLoader != null ? classLoader : JarEntryResourceLoader.class.getClassLoader());
                }
                return loader;
            }
        }.args(args);
    }

    @Override
    public Optional<InputStream> getResourceAsStream(String path) {
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (name.isEmpty() || name.startsWith("classpath:") || name.contains("..")) {
            return super.getResourceAsStream(path);
        }
        URL url = getClassLoader().getResource(name);
        if (url == null || !isEntryOfJarFile(url)) {
            return super.getResourceAsStream(path);
        }
        try {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            // A JarFile of its own (closed below) that shares the class loader's parsed directory.
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                JarEntry entry = connection.getJarEntry();
                if (entry == null || entry.isDirectory()) {
                    return Optional.empty();
                }
                try (InputStream input = jar.getInputStream(entry)) {
                    return Optional.of(new ByteArrayInputStream(input.readAllBytes()));
                }
            }
        } catch (IOException | ClassCastException e) {
            return super.getResourceAsStream(path);
        }
    }

    /** jar:file:/app.jar!/entry — not an entry of a jar nested in another, nor of a remote jar. */
    static boolean isEntryOfJarFile(URL url) {
        if (!"jar".equals(url.getProtocol())) {
            return false;
        }
        String spec = url.getPath();
        int separator = spec.indexOf("!/");
        return separator != -1 && spec.indexOf("!/", separator + 2) == -1 && spec.startsWith("file:");
    }
}
