package com.careerai.ai;

import com.careerai.ai.analysis.ResumeAnalysis;
import com.careerai.ai.analysis.ResumeSections;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The analysis a run stored when it started ({@link AiTool#analyse}), read back for the worker, so
 * the model's answer is settled (and a mock answer made) from it without analysing the resume again
 * (issue 19: it was a quarter of a mock run's worker time). A run stored without one, or with one
 * of another shape (written by an older version), is analysed again.
 */
final class StoredAnalysis {
    /** Every component present, nothing unknown: a shape that differs is not guessed at. */
    private static final ObjectReader READER = ToolSchemas.JSON
            .readerFor(ResumeAnalysis.class)
            .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StoredAnalysis() {}

    /**
     * The analysis stored on a run as {@link AiTool#analyse} made it, or what {@code otherwise} makes
     * (the analysis made again) when there is none of this shape.
     */
    @Nullable
    static ResumeAnalysis read(@Nullable JsonNode stored, Supplier<ResumeAnalysis> otherwise) {
        if (stored != null && stored.isObject()) {
            try {
                ResumeAnalysis read = READER.readValue(stored);
                if (read.sections() != null && read.bullets() != null && read.skills() != null) {
                    return inReadingOrder(read);
                }
            } catch (IOException | IllegalArgumentException e) {
                // another shape: analysed again below
            }
        }
        return otherwise.get();
    }

    /** jsonb keeps no key order: the sections go back into the order {@link ResumeSections#detect} gives them. */
    private static ResumeAnalysis inReadingOrder(ResumeAnalysis read) {
        Map<String, Boolean> sections = new LinkedHashMap<>();
        for (String name : ResumeSections.NAMES) {
            Boolean found = read.sections().get(name);
            if (found != null) {
                sections.put(name, found);
            }
        }
        read.sections().forEach(sections::putIfAbsent);
        return new ResumeAnalysis(read.words(), read.pages(), sections, read.bullets(), read.skills(), read.keywords());
    }
}
