package com.careerai.ai;

import com.careerai.platform.pdf.PdfRenderer;
import com.careerai.platform.web.TemplateText;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The PDF of a run: rendered once by the worker, stored per run, served only to the owner. */
@Singleton
@Connectable
public class RunDocuments {
    private final JdbcOperations jdbc;
    private final PdfRenderer pdf;
    private final TemplateText templates;
    private final UniversityDirectory universities;

    RunDocuments(JdbcOperations jdbc, PdfRenderer pdf, TemplateText templates, UniversityDirectory universities) {
        this.jdbc = jdbc;
        this.pdf = pdf;
        this.templates = templates;
        this.universities = universities;
    }

    void renderAndStore(AiRun run, AiTool tool, JsonNode output) {
        byte[] document = pdf.render(xhtml(run, tool, output));
        jdbc.prepareStatement(
                "INSERT INTO ai_run_documents (university_id, run_id, content_type, content) "
                        + "VALUES (?, ?, 'application/pdf', ?) ON CONFLICT (university_id, run_id) DO UPDATE SET content = EXCLUDED.content",
                statement -> {
                    statement.setLong(1, run.universityId());
                    statement.setObject(2, run.id());
                    statement.setBytes(3, document);
                    return statement.executeUpdate();
                });
    }

    /** The run's PDF, if the run belongs to {@code userId} in {@code universityId} and has one. */
    public Optional<byte[]> pdfOf(long universityId, long userId, UUID runId) {
        return jdbc.prepareStatement(
                "SELECT d.content FROM ai_run_documents d JOIN ai_runs r "
                        + "ON r.university_id = d.university_id AND r.id = d.run_id "
                        + "WHERE d.university_id = ? AND d.run_id = ? AND r.user_id = ? AND r.status = 'SUCCEEDED'",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setObject(2, runId);
                    statement.setLong(3, userId);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.<byte[]>empty();
                    }
                });
    }

    String xhtml(AiRun run, AiTool tool, JsonNode output) {
        Map<String, Object> model = new HashMap<>();
        University university = universities.findById(run.universityId()).orElse(null);
        model.put("universityName", university == null ? "CareerAI" : university.name());
        model.put("brandColor", university == null ? "#1F4E79" : university.brandColor());
        model.put("toolName", tool.name());
        model.put("input", ToolSchemas.JSON.convertValue(run.input(), Map.class));
        model.put("output", ToolSchemas.JSON.convertValue(output, Map.class));
        model.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        model.put("demo", run.demo());
        return templates.render("ai/pdf/" + tool.slug(), model);
    }
}
