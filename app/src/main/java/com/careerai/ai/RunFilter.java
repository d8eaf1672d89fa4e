package com.careerai.ai;

import io.micronaut.core.annotation.Nullable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which of a student's runs to list: one tool, one status, words of the title. A blank part means
 * "any". The status {@code FAILED} also finds refunded runs: both are runs that failed, a refunded
 * one has its credits back.
 *
 * @param tool a tool's slug
 * @param status the status asked for, as the API names it
 * @param statuses the statuses that status stands for
 * @param words words to find in the title
 */
public record RunFilter(
        @Nullable String tool, @Nullable RunStatus status, List<RunStatus> statuses, @Nullable String words) {
    static final RunFilter NONE = new RunFilter(null, null, List.of(), null);

    /** Longest search accepted. */
    static final int MAX_WORDS = 100;

    /**
     * The filter of query parameters; unknown tools and statuses, control characters and overlong
     * searches are refused with a message per parameter (422).
     */
    static RunFilter of(
            @Nullable String tool, @Nullable String status, @Nullable String words, Set<String> knownTools) {
        Map<String, String> problems = new HashMap<>();
        String slug = blankToNull(tool);
        if (slug != null && !knownTools.contains(slug)) {
            problems.put("tool", "There is no tool called '" + slug.replaceAll("\\p{Cntrl}", "") + "'.");
        }
        RunStatus chosen = null;
        String statusName = blankToNull(status);
        if (statusName != null) {
            try {
                chosen = RunStatus.valueOf(statusName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.put("status", "Please choose one of QUEUED, RUNNING, SUCCEEDED, FAILED, REFUNDED.");
            }
        }
        String search = blankToNull(words);
        if (search != null && (search.length() > MAX_WORDS || search.chars().anyMatch(Character::isISOControl))) {
            problems.put("q", "Please search with at most " + MAX_WORDS + " ordinary characters.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRunInputException(problems);
        }
        List<RunStatus> statuses = chosen == null
                ? List.of()
                : chosen == RunStatus.FAILED ? List.of(RunStatus.FAILED, RunStatus.REFUNDED) : List.of(chosen);
        return new RunFilter(slug, chosen, statuses, search);
    }

    static RunFilter ofTool(String tool) {
        return new RunFilter(tool, null, List.of(), null);
    }

    boolean any() {
        return tool != null || status != null || words != null;
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
