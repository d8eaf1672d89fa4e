package com.careerai.platform.data;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether the database's schema history already holds exactly the migrations this build carries,
 * all applied successfully. Then start-up skips Flyway — its class-path scan, its lock and the
 * checksum validation of every applied migration, the largest single cost of a node's start on a
 * current database (issue 19, ADR 0029). Anything else (a new migration, a failed one, no history,
 * a repeatable migration, an unreadable class path) answers false and Flyway runs as before.
 */
final class SchemaHistory {
    private static final String LOCATION = CarriedMigrations.LOCATION;
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__[^/]+\\.sql");

    private SchemaHistory() {}

    static boolean isCurrent(String url, String user, String password) {
        Set<String> carried = carriedVersions();
        if (carried.isEmpty()) {
            return false;
        }
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            Set<String> applied = new HashSet<>();
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                applied.add(rows.getString(1));
            }
            return applied.equals(carried);
        } catch (SQLException e) {
            return false; // no history table yet, or not readable: let Flyway decide
        }
    }

    /** Versions of the migrations on the class path ("1", "10", "2.1"); empty when unknown. */
    static Set<String> carriedVersions() {
        return carriedVersions(SchemaHistory.class.getClassLoader());
    }

    static Set<String> carriedVersions(ClassLoader classLoader) {
        Set<String> versions = new HashSet<>();
        try {
            URL location = classLoader.getResource(LOCATION);
            if (location == null) {
                return Set.of();
            }
            if (location.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) location.openConnection();
                // listed by the start's pass over the jar (JarServiceIndex), else a pass of its own
                List<String> entries = CarriedMigrations.of(connection.getJarFileURL());
                if (entries == null) {
                    entries = new ArrayList<>();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                            if (entry.getName().startsWith(LOCATION + "/")) {
                                entries.add(entry.getName());
                            }
                        }
                    }
                }
                for (String entry : entries) {
                    if (!add(versions, entry)) {
                        return Set.of();
                    }
                }
            } else if (location.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        if (!add(versions, LOCATION + "/" + file.getFileName())) {
                            return Set.of();
                        }
                    }
                }
            } else {
                return Set.of();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Set.of();
        }
        return versions;
    }

    /** Adds a versioned migration's version; false for a file Flyway would read otherwise (R__, …). */
    private static boolean add(Set<String> versions, String entry) {
        String name = entry.substring(entry.lastIndexOf('/') + 1);
        if (name.isEmpty() || !name.endsWith(".sql")) {
            return true; // the folder itself, or not a migration
        }
        Matcher versioned = VERSIONED.matcher(name);
        if (!versioned.matches()) {
            return false;
        }
        versions.add(versioned.group(1).replace('_', '.'));
        return true;
    }
}
