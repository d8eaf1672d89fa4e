package com.careerai.ai;

import com.careerai.ai.analysis.ResumeAnalysis;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One AI career tool. A tool adds only its schemas, prompt, sample output and pages; the
 * pipeline (debit, queue, validation, repair, retries, refund, progress, PDF) is shared.
 */
public interface AiTool {

    /** URL name: {@code job-pack}. Also the ledger's feature and the costs key. */
    String slug();

    String name();

    String description();

    /** JSON schema of the input, as published by {@code GET /api/v1/tools} and enforced on requests. */
    JsonNode inputSchema();

    /** JSON schema of the output, sent to the model (strict) and enforced on its answer. */
    JsonNode outputSchema();

    /**
     * A human title for a run, from the fields of the input that tell runs apart ("Job Pack — Data
     * Analyst at Acme"); {@link RunTitles#of} keeps it to one short line.
     */
    default String title(JsonNode input) {
        return name();
    }

    /**
     * What code can tell about the input without a model (keywords, sections, bullets of a
     * resume), stored on the run and shown beside the output; null for tools that read no resume.
     */
    @Nullable
    default ResumeAnalysis analyse(JsonNode input) {
        return null;
    }

    /**
     * The model's output (already valid for the schema) with what code measured put in its place,
     * so those parts are explainable and the same for the same input (CV Analysis' factors).
     *
     * @param analysis what {@link #analyse} gives for this input (the run stores it; read back or made
     *     again, never missing for a tool that analyses): null only where {@code analyse} is
     */
    default JsonNode settle(JsonNode input, @Nullable ResumeAnalysis analysis, JsonNode output) {
        return output;
    }

    String systemPrompt();

    String userPrompt(JsonNode input);

    /**
     * Deterministic sample output valid for {@link #outputSchema()}, for demo (mock) mode.
     *
     * @param analysis what {@link #analyse} gives for this input, as for {@link #settle}
     */
    JsonNode mockOutput(JsonNode input, @Nullable ResumeAnalysis analysis);

    /** Checks a schema cannot express (word limits…); messages for the repair pass. */
    default List<String> checkOutput(JsonNode input, JsonNode output) {
        return List.of();
    }

    /** Whether a PDF of the result can be downloaded. */
    default boolean makesPdf() {
        return false;
    }

    /** Whether the run is done inside the request (with a short timeout) instead of on a worker. */
    default boolean synchronous() {
        return false;
    }

    /** False for tools that fill templates instead of calling a model (see {@link #generate}). */
    default boolean usesModel() {
        return true;
    }

    /**
     * Adds what the result page shows beyond the output itself (word counts, score history…).
     *
     * @param earlier the student's earlier successful runs of this tool, newest first
     */
    default void addResultModel(AiRun run, List<AiRun> earlier, java.util.Map<String, Object> model) {}

    /** Output of a tool that does not use a model. */
    default JsonNode generate(JsonNode input) {
        throw new UnsupportedOperationException(slug() + " uses a model");
    }
}
