package com.careerai.ai;

import com.careerai.ai.analysis.ResumeSections;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A run's stored analysis (see {@code ai.analysis.ResumeAnalysis}) as the result pages and PDFs show it. */
final class AnalysisView {
    private AnalysisView() {}

    @Nullable
    static Map<String, Object> of(@Nullable JsonNode analysis) {
        if (analysis == null || !analysis.isObject()) {
            return null;
        }
        Map<String, Object> view = new HashMap<>();
        view.put("words", analysis.path("words").asInt());
        int pages = analysis.path("pages").asInt();
        view.put("pages", pages == 1 ? "1 page" : pages + " pages");
        List<Map<String, Object>> sections = new ArrayList<>();
        // jsonb does not keep key order: show the sections in reading order
        for (String name : ResumeSections.NAMES) {
            JsonNode found = analysis.path("sections").path(name);
            if (!found.isMissingNode()) {
                sections.add(Map.of("name", name, "found", found.asBoolean()));
            }
        }
        view.put("sections", sections);
        JsonNode bullets = analysis.path("bullets");
        view.put(
                "bullets",
                Map.of(
                        "count", bullets.path("count").asInt(),
                        "averageWords", bullets.path("averageWords").asInt(),
                        "quantified", bullets.path("quantified").asInt(),
                        "weak", bullets.path("weakVerbs").size(),
                        "weakLines", texts(bullets.path("weakVerbs")),
                        "tooLong", bullets.path("tooLong").size()));
        view.put("skills", texts(analysis.path("skills")));
        JsonNode keywords = analysis.path("keywords");
        if (keywords.isObject()) {
            List<String> matched = texts(keywords.path("matched"));
            List<String> missing = texts(keywords.path("missing"));
            int total = matched.size() + missing.size();
            view.put(
                    "keywords",
                    Map.of(
                            "matched", matched,
                            "missing", missing,
                            "percent", total == 0 ? 100 : Math.round(100f * matched.size() / total)));
        }
        return view;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
