package com.careerai;

import com.careerai.platform.data.CarriedMigrations;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.io.service.SoftServiceLoader.StaticDefinition;
import io.micronaut.core.io.service.SoftServiceLoader.StaticServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Micronaut's services (bean definitions, introspections, converters, configurers …) listed from the
 * application jar that the class loader already has open. Micronaut 4.10 finds the
 * {@code META-INF/micronaut/<service type>/<class>} entries by opening the jar as a zip file system
 * and walking it: on the application jar (about 100,000 entries) that reads and indexes its whole
 * 11.8 MB central directory once more at every start (issue 19, ADR 0044). Here one pass over the
 * entries of the already parsed directory gives the same lists, handed to Micronaut as its static
 * service loaders (the hook Micronaut AOT fills at build time).
 *
 * <p>Only when the class path is that one jar ({@code java -jar}); tests and IDE runs (classes in
 * directories, many jars) keep Micronaut's own scan. A service type's classes are what Micronaut's
 * scan gives: the entries under {@code META-INF/micronaut/<type>/} plus the lines of every
 * {@code META-INF/services/<type>} file; a class that is missing or has no public no-argument
 * constructor is left out, as Micronaut leaves it out.
 */
final class JarServiceIndex {
    static final String ROOT = "META-INF/micronaut/";
    private static final String MIGRATIONS = CarriedMigrations.LOCATION + "/";

    private JarServiceIndex() {}

    /**
     * Gives Micronaut the services of the one application jar, before it looks for any; false (and
     * Micronaut scans as usual) when the class path is not one jar or Micronaut has already looked.
     */
    static boolean install(ClassLoader classLoader) {
        Map<String, Set<String>> index = read(classLoader);
        if (index == null) {
            return false;
        }
        try {
            StaticOptimizations.set(new SoftServiceLoader.Optimizations(new ServiceTypes(classLoader, index)));
            return true;
        } catch (IllegalStateException e) {
            return false; // a second start in one JVM: Micronaut already read its optimisations
        }
    }

    /** The jar's service entries by type, or null unless every META-INF/micronaut is in one jar file. */
    static Map<String, Set<String>> read(ClassLoader classLoader) {
        try {
            List<URL> roots = Collections.list(classLoader.getResources(ROOT.substring(0, ROOT.length() - 1)));
            if (roots.size() != 1 || !JarEntryResourceLoader.isEntryOfJarFile(roots.get(0))) {
                return null;
            }
            JarURLConnection connection = (JarURLConnection) roots.get(0).openConnection();
            List<String> migrations = new ArrayList<>();
            Map<String, Set<String>> index;
            try {
                // only the names under the two folders, from the directory's bytes (ADR 0059)
                index = index(
                        CentralDirectory.namesUnder(
                                Path.of(connection.getJarFileURL().toURI()), List.of(ROOT, MIGRATIONS)),
                        migrations);
            } catch (IOException | URISyntaxException | IllegalArgumentException e) {
                // A JarFile of its own (closed below) that shares the class loader's parsed directory.
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    index = index(jar, migrations);
                }
            }
            // the same pass lists the migrations the start's schema check needs (ADR 0052)
            CarriedMigrations.listed(connection.getJarFileURL(), migrations);
            return index;
        } catch (IOException | ClassCastException e) {
            return null;
        }
    }

    /** {@code META-INF/micronaut/<type>/<class>} entries by type, as Micronaut's walk of them finds them. */
    static Map<String, Set<String>> index(JarFile jar) {
        return index(jar, new ArrayList<>());
    }

    /** As {@link #index(JarFile)}, adding the entries under {@code db/migration/} to {@code migrations}. */
    static Map<String, Set<String>> index(JarFile jar, List<String> migrations) {
        List<String> names = new ArrayList<>();
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            names.add(entries.nextElement().getName());
        }
        return index(names, migrations);
    }

    /** As {@link #index(JarFile, List)}, over entry names in the jar's order. */
    static Map<String, Set<String>> index(List<String> names, List<String> migrations) {
        Map<String, Set<String>> byType = new HashMap<>();
        for (String name : names) {
            if (name.startsWith(MIGRATIONS)) {
                migrations.add(name);
                continue;
            }
            if (!name.startsWith(ROOT) || name.endsWith("/")) {
                continue;
            }
            int last = name.lastIndexOf('/');
            int parent = name.lastIndexOf('/', last - 1);
            String file = name.substring(last + 1);
            if (parent < ROOT.length() - 1 || file.startsWith(".")) {
                continue; // a file directly under META-INF/micronaut, or a hidden one
            }
            byType.computeIfAbsent(name.substring(parent + 1, last), type -> new LinkedHashSet<>())
                    .add(file);
        }
        return byType;
    }

    /** Every service type Micronaut asks for has a static loader: none falls back to the walk. */
    static final class ServiceTypes extends AbstractMap<String, StaticServiceLoader<?>> {
        private final ClassLoader classLoader;
        private final Map<String, Set<String>> index;
        private final Map<String, StaticServiceLoader<?>> loaders = new ConcurrentHashMap<>();

        ServiceTypes(ClassLoader classLoader, Map<String, Set<String>> index) {
            this.classLoader = classLoader;
            this.index = index;
        }

        @Override
        public StaticServiceLoader<?> get(Object type) {
            if (!(type instanceof String name)) {
                return null;
            }
            return loaders.computeIfAbsent(name, this::loaderOf);
        }

        @Override
        public boolean containsKey(Object type) {
            return type instanceof String;
        }

        @Override
        public Set<Entry<String, StaticServiceLoader<?>>> entrySet() {
            Map<String, StaticServiceLoader<?>> known = new HashMap<>();
            for (String type : index.keySet()) {
                known.put(type, get(type));
            }
            return known.entrySet();
        }

        private StaticServiceLoader<?> loaderOf(String type) {
            Set<String> classes = new LinkedHashSet<>(standardServices(type));
            classes.addAll(index.getOrDefault(type, Set.of()));
            return new ServicesOfType(classLoader, List.copyOf(classes));
        }

        /** The lines of every META-INF/services/&lt;type&gt; file, as Micronaut reads them. */
        private List<String> standardServices(String type) {
            List<String> names = new ArrayList<>();
            try {
                Enumeration<URL> files = classLoader.getResources(SoftServiceLoader.META_INF_SERVICES + '/' + type);
                while (files.hasMoreElements()) {
                    try (BufferedReader reader = new BufferedReader(
                            new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            int comment = line.indexOf('#');
                            String name = (comment == -1 ? line : line.substring(0, comment)).trim();
                            if (!name.isEmpty()) {
                                names.add(name);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to read the services of " + type, e);
            }
            return names;
        }
    }

    /** One service type's classes, made as Micronaut's scan makes them. */
    static final class ServicesOfType implements StaticServiceLoader<Object> {
        private final ClassLoader classLoader;
        private final List<String> classes;

        ServicesOfType(ClassLoader classLoader, List<String> classes) {
            this.classLoader = classLoader;
            this.classes = classes;
        }

        @Override
        public Stream<StaticDefinition<Object>> findAll(Predicate<String> condition) {
            List<StaticDefinition<Object>> found = new ArrayList<>();
            for (String name : classes) {
                Class<?> type = condition.test(name) ? typeOf(name) : null;
                if (type != null) {
                    found.add(StaticDefinition.of(name, () -> {
                        Object service = instantiate(type);
                        if (service == null) {
                            throw new IllegalStateException("No public no-argument constructor: " + name);
                        }
                        return service;
                    }));
                }
            }
            return found.stream();
        }

        @Override
        public List<Object> load(Predicate<Object> predicate) {
            return load(name -> true, predicate);
        }

        @Override
        public List<Object> load(Predicate<String> condition, Predicate<Object> predicate) {
            List<Object> services = new ArrayList<>();
            for (String name : classes) {
                Class<?> type = condition.test(name) ? typeOf(name) : null;
                Object service = type == null ? null : instantiate(type);
                if (service != null && (predicate == null || predicate.test(service))) {
                    services.add(service);
                }
            }
            return services;
        }

        private Class<?> typeOf(String name) {
            try {
                return Class.forName(name, false, classLoader);
            } catch (ClassNotFoundException | NoClassDefFoundError e) {
                return null; // an optional dependency that is not on the class path
            }
        }

        private static Object instantiate(Class<?> type) {
            try {
                return MethodHandles.publicLookup()
                        .findConstructor(type, MethodType.methodType(void.class))
                        .invoke();
            } catch (NoSuchMethodException | IllegalAccessException | NoClassDefFoundError e) {
                return null;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("Failed to make the service " + type.getName(), e);
            }
        }
    }
}
