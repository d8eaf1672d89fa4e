package com.careerai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SQL half of the module boundaries (docs/adr/0011): every table the migrations create is
 * named in the SQL of one module only — the feature that owns it (or one platform package). A
 * second feature reading or writing it would bypass the owner's service. Tables come from the
 * migrations, so tables added later are checked without changing this test.
 */
class TableOwnershipTest {
    private static final Path MIGRATIONS = Path.of("../migrations/src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/com/careerai");
    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");

    @Test
    void everyTableIsUsedInTheSqlOfOneModuleOnly() {
        Map<String, Set<String>> modulesByTable = new TreeMap<>();
        for (String table : tables()) {
            Pattern used = Pattern.compile(
                    "(?i)(\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+" + table + "\\b)|MappedEntity\\(\"" + table + "\"\\)");
            Set<String> modules = new TreeSet<>();
            for (Path source : javaSources()) {
                if (sqlLines(source).anyMatch(line -> used.matcher(line).find())) {
                    modules.add(moduleOf(source));
                }
            }
            modulesByTable.put(table, modules);
        }
        assertThat(modulesByTable)
                .as("tables whose SQL appears in more than one module (ask the owner's service instead)")
                .allSatisfy((table, modules) -> assertThat(modules).as(table).hasSizeLessThanOrEqualTo(1));
        assertThat(modulesByTable.get("users")).as("the check sees SQL at all").containsExactly("auth");
    }

    private static Set<String> tables() {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path migration :
                    files.filter(file -> file.toString().endsWith(".sql")).toList()) {
                Matcher matcher = CREATE_TABLE.matcher(Files.readString(migration));
                while (matcher.find()) {
                    tables.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // JobRunr's own tables are used only by JobRunr
        tables.removeIf(table -> table.startsWith("jobrunr_"));
        assertThat(tables).as("tables found in " + MIGRATIONS.toAbsolutePath()).contains("users");
        return tables;
    }

    private static List<Path> javaSources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines holding string literals, without comments (javadoc examples are not SQL that runs). */
    private static Stream<String> sqlLines(Path source) {
        try {
            return Files.readAllLines(source).stream()
                    .map(String::strip)
                    .filter(line -> !line.startsWith("*") && !line.startsWith("//") && !line.startsWith("/*"))
                    .filter(line -> line.contains("\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code auth} for a file of auth or its sub-packages; {@code platform.audit} for platform's. */
    private static String moduleOf(Path source) {
        List<String> parts = List.of(SOURCES.relativize(source).toString().split("/"));
        String first = parts.size() == 1 ? "(root)" : parts.get(0);
        return first.equals("platform") && parts.size() > 2 ? "platform." + parts.get(1) : first;
    }
}
