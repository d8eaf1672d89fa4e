package com.careerai.ai;

import com.careerai.platform.data.SqlRows;
import com.careerai.platform.privacy.PersonalData;
import com.careerai.platform.privacy.PersonalRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * AI runs: exported with their inputs, outputs and PDFs; on erasure the inputs, outputs, titles
 * and PDFs go while the run rows stay (tool, cost, status) for the ledger they were paid from.
 */
@Singleton
class RunsPersonalData implements PersonalData {
    private final JdbcOperations jdbc;

    RunsPersonalData(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "runs";
    }

    @Override
    public Part export(long universityId, long userId) {
        PersonalData.JsonRows runs = PersonalRows.json(
                jdbc,
                "SELECT to_jsonb(r) FROM ai_runs r WHERE university_id = ? AND user_id = ? ORDER BY created_at",
                SqlRows.parameters(universityId, userId));
        List<Document> documents = SqlRows.list(
                jdbc,
                "SELECT d.run_id, r.tool, d.content_type, d.content FROM ai_run_documents d"
                        + " JOIN ai_runs r ON r.university_id = d.university_id AND r.id = d.run_id"
                        + " WHERE d.university_id = ? AND r.user_id = ? ORDER BY r.created_at",
                SqlRows.parameters(universityId, userId),
                row -> new Document(
                        row.getString(2) + "-" + row.getString(1) + ".pdf", row.getString(3), row.getBytes(4)));
        return new Part(runs, List.of(), documents);
    }

    @Override
    public void erase(long universityId, long userId) {
        SqlRows.update(
                jdbc,
                "DELETE FROM ai_run_documents d USING ai_runs r WHERE d.university_id = ? AND r.university_id = d.university_id"
                        + " AND r.id = d.run_id AND r.user_id = ?",
                SqlRows.parameters(universityId, userId));
        SqlRows.update(
                jdbc,
                "DELETE FROM run_idempotency_keys WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId));
        SqlRows.update(
                jdbc,
                "UPDATE ai_runs SET input = '{}'::jsonb, output = NULL, analysis = NULL, title = NULL, error = NULL"
                        + " WHERE university_id = ? AND user_id = ?",
                SqlRows.parameters(universityId, userId));
    }
}
