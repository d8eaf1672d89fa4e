package com.careerai.ai;

import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@link AiTool} bean by slug, in the order students see them (Job Pack first). */
@Singleton
public class ToolCatalog {
    private static final List<String> ORDER = List.of(
            "job-pack", "skill-mapper", "cv-analysis", "internship-finder", "personal-statement", "referral-trainer");

    private final Map<String, AiTool> tools = new LinkedHashMap<>();

    ToolCatalog(List<AiTool> tools) {
        tools.stream()
                .sorted(Comparator.comparingInt(tool -> {
                    int index = ORDER.indexOf(tool.slug());
                    return index < 0 ? ORDER.size() : index;
                }))
                .forEach(tool -> this.tools.put(tool.slug(), tool));
    }

    public List<AiTool> all() {
        return List.copyOf(tools.values());
    }

    public Optional<AiTool> find(String slug) {
        return Optional.ofNullable(tools.get(slug));
    }

    /** The tool, or 404 {@link UnknownToolException}. */
    public AiTool require(String slug) {
        return find(slug).orElseThrow(() -> new UnknownToolException(slug));
    }
}
