package com.careerai.ai.analysis;

import java.util.List;

/** Keywords of a job description found in a resume, and those missing from it, most important first. */
public record KeywordMatch(List<String> matched, List<String> missing) {

    /** Share of the keywords found, 0–100 (100 when the advert has none). */
    public int percent() {
        int total = matched.size() + missing.size();
        return total == 0 ? 100 : Math.round(100f * matched.size() / total);
    }
}
