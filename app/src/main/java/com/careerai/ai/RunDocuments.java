package com.careerai.ai;

import com.careerai.platform.pdf.PdfRenderer;
import com.careerai.platform.web.TemplateText;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
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

/** The PDF of a run: rendered once at its first download, stored per run, served only to the owner. */
@Singleton
@Connectable
public class RunDocuments {
    private final JdbcOperations jdbc;
    private final PdfRenderer pdf;
    private final TemplateText templates;
    private final UniversityAdministration universities;
    private final AiRunRepository runs;
    private final ToolCatalog tools;

    RunDocuments(
            JdbcOperations jdbc,
            PdfRenderer pdf,
            TemplateText templates,
            UniversityAdministration universities,
            AiRunRepository runs,
            ToolCatalog tools) {
        this.runs = runs;
        this.tools = tools;
        this.jdbc = jdbc;
        this.pdf = pdf;
        this.templates = templates;
        this.universities = universities;
    }

    private byte[] renderAndStore(AiRun run, AiTool tool, JsonNode output) {
        byte[] document = pdf.render(xhtml(run, tool, output));
        jdbc.prepareStatement(
                "INSERT INTO ai_run_documents (university_id, run_id, content_type, content) "
                        + "VALUES (?, ?, 'application/pdf', ?) ON CONFLICT (university_id, run_id) DO NOTHING",
                statement -> {
                    statement.setLong(1, run.universityId());
                    statement.setObject(2, run.id());
                    statement.setBytes(3, document);
                    return statement.executeUpdate();
                });
        return document;
    }

    /**
     * The owner's PDF as a download (404 when {@link #pdfOf} finds none), named from the run's
     * title: {@code job-pack-data-analyst-acme.pdf}.
     */
    public io.micronaut.http.HttpResponse<byte[]> download(long universityId, long userId, UUID runId) {
        byte[] pdf = pdfOf(universityId, userId, runId).orElseThrow(RunNotFoundException::new);
        AiRun run = runs.findOfUser(universityId, userId, runId).orElseThrow(RunNotFoundException::new);
        String fileName = RunTitles.fileName(run.displayTitle(tools.require(run.tool())), "pdf");
        return io.micronaut.http.HttpResponse.ok(pdf)
                .contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "private, no-store");
    }

    /**
     * The run's PDF if the run belongs to {@code userId} in {@code universityId}, succeeded, and
     * its tool makes one. Rendered at the first download and stored, so workers never spend time
     * on documents nobody opens and every later download is a read.
     */
    public Optional<byte[]> pdfOf(long universityId, long userId, UUID runId) {
        Optional<AiRun> run =
                runs.findOfUser(universityId, userId, runId).filter(found -> found.status() == RunStatus.SUCCEEDED);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        AiTool tool = tools.require(run.get().tool());
        if (!tool.makesPdf()) {
            return Optional.empty();
        }
        Optional<byte[]> stored = jdbc.prepareStatement(
                "SELECT content FROM ai_run_documents WHERE university_id = ? AND run_id = ?", statement -> {
                    statement.setLong(1, universityId);
                    statement.setObject(2, runId);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.<byte[]>empty();
                    }
                });
        if (stored.isPresent()) {
            return stored;
        }
        return Optional.of(renderAndStore(run.get(), tool, run.get().output()));
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
        model.put("analysis", AnalysisView.of(run.analysis()));
        return templates.render("ai/pdf/" + tool.slug(), model);
    }
}
