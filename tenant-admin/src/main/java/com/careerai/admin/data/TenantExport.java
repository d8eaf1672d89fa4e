package com.careerai.admin.data;

import com.careerai.admin.Progress;
import com.careerai.admin.ToolException;
import com.careerai.platform.audit.AuditLog;
import com.careerai.tenancy.University;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * Writes one university's data to a zip for a departing customer: {@code manifest.json},
 * {@code universities.json} (its own row) and one {@code <table>.json} array per tenant table
 * ({@link TenantTables}), every row as PostgreSQL's {@code row_to_json} renders it. All tables
 * are read in one read-only REPEATABLE READ transaction, so the files agree with each other. The
 * zip appears under its name only when complete, and the export is audited with its checksum
 * and row counts ({@code university.exported}), which offboarding requires.
 */
@Singleton
public class TenantExport {
    /** Identifies the layout of the zip for whoever reads it later. */
    public static final String FORMAT = "careerai-university-export/1";

    /** The audit action of a completed export. */
    public static final String EXPORTED = "university.exported";

    /**
     * @param rows rows written per tenant table
     */
    public record Result(Path file, String sha256, long bytes, Map<String, Long> rows) {}

    private final DataSource dataSource;
    private final JsonMapper json;
    private final AuditLog audit;

    TenantExport(DataSource dataSource, DataSourceResolver resolver, JsonMapper json, AuditLog audit) {
        this.dataSource = resolver.resolve(dataSource);
        this.json = json;
        this.audit = audit;
    }

    public Result export(University university, Path out, String schemaVersion, String actor, Progress progress) {
        Path file = out.toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw new ToolException(file + " exists already: choose another --out or move it away");
        }
        if (!Files.isDirectory(file.getParent())) {
            throw new ToolException("the folder " + file.getParent() + " does not exist");
        }
        Path partial = null;
        try {
            partial = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".partial");
            Map<String, Long> rows = write(university, partial, schemaVersion, actor, progress);
            move(partial, file);
            Result result = new Result(file, sha256(file), Files.size(file), rows);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("file", result.file().toString());
            details.put("sha256", result.sha256());
            details.put("bytes", result.bytes());
            details.put("rows", rows);
            audit.record(university.id(), actor, EXPORTED, details);
            return result;
        } catch (IOException e) {
            throw new ToolException("could not write " + file + ": " + e.getMessage());
        } catch (SQLException e) {
            throw new ToolException("could not read " + university.subdomain() + "'s data: " + e.getMessage());
        } finally {
            deleteQuietly(partial);
        }
    }

    private Map<String, Long> write(
            University university, Path zipFile, String schemaVersion, String actor, Progress progress)
            throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zipFile)));
                    Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8)) {
                TenantTables.Layout layout = TenantTables.read(connection);
                Map<String, Long> counts = TenantTables.counts(connection, layout.tables(), university.id());
                progress.start(
                        "Exporting " + university.subdomain(),
                        counts.values().stream().mapToLong(Long::longValue).sum());
                entry(
                        zip,
                        writer,
                        "manifest.json",
                        json.writeValueAsString(manifest(university, counts, schemaVersion, actor)) + "\n");
                zip.putNextEntry(new ZipEntry("universities.json"));
                rows(
                        connection,
                        writer,
                        "SELECT row_to_json(t)::text FROM universities t WHERE t.id = ?",
                        university.id(),
                        Progress.none());
                writer.flush();
                zip.closeEntry();
                for (TenantTables.Table table : layout.tables()) {
                    zip.putNextEntry(new ZipEntry(table.name() + ".json"));
                    rows(
                            connection,
                            writer,
                            "SELECT row_to_json(t)::text FROM " + table.sql() + " t WHERE t.university_id = ?"
                                    + table.orderBy(),
                            university.id(),
                            progress);
                    writer.flush();
                    zip.closeEntry();
                }
                connection.commit();
                progress.finish();
                return counts;
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // a no-op after the commit; ends the snapshot otherwise
                }
            }
        }
    }

    private Map<String, Object> manifest(
            University university, Map<String, Long> counts, String schemaVersion, String actor) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("exportedAt", Instant.now().toString());
        manifest.put("exportedBy", actor);
        manifest.put("schemaVersion", schemaVersion);
        manifest.put("universityId", university.id());
        manifest.put("subdomain", university.subdomain());
        manifest.put("name", university.name());
        manifest.put("rows", counts);
        return manifest;
    }

    private static void entry(ZipOutputStream zip, Writer writer, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        writer.write(text);
        writer.flush();
        zip.closeEntry();
    }

    /** Streams the rows as a JSON array, one row per line. */
    private static void rows(Connection connection, Writer writer, String sql, long id, Progress progress)
            throws SQLException, IOException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(500);
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                writer.write("[");
                boolean first = true;
                while (rows.next()) {
                    writer.write(first ? "\n" : ",\n");
                    writer.write(rows.getString(1));
                    first = false;
                    progress.advance(1);
                }
                writer.write(first ? "]\n" : "\n]\n");
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
