package com.careerai.ai.tools;

import com.careerai.ai.AiRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CV Analysis: a 0–100 score made of five named factors, and suggestions pointing at exact lines. */
@Singleton
class CvAnalysisTool extends SchemaTool {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);
    static final List<String> FACTORS = List.of("impact", "clarity", "structure", "keywords", "length");

    CvAnalysisTool() {
        super(
                "cv-analysis",
                "CV Analysis",
                "A score out of 100 built from five factors — impact, clarity, structure, "
                        + "keywords, length — with the reasons, and line-by-line suggestions. Track how your score moves.");
    }

    @Override
    public String systemPrompt() {
        return "You are a strict but kind CV reviewer for university students. Score each factor 0-100: impact "
                + "(quantified achievements), clarity, structure, keywords for the target role, length. The overall "
                + "score is the rounded average of the five factor scores. Each suggestion quotes the exact line of the "
                + "CV it is about. Answer with JSON only.";
    }

    @Override
    public String userPrompt(JsonNode input) {
        return "Target role: " + input.path("targetRole").asText() + "\n\nCV:\n"
                + input.path("resume").asText();
    }

    @Override
    public List<String> checkOutput(JsonNode input, JsonNode output) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int sum = 0;
        for (JsonNode factor : output.path("factors")) {
            names.add(factor.path("name").asText());
            sum += factor.path("score").asInt();
        }
        if (!names.containsAll(FACTORS)) {
            problems.add("factors must be exactly " + FACTORS);
        }
        int average = Math.round(sum / 5f);
        if (Math.abs(average - output.path("overallScore").asInt()) > 2) {
            problems.add("overallScore must be the rounded average of the factor scores (" + average + ")");
        }
        return problems;
    }

    /**
     * Score history: each factor's change since the previous analysis, the factor that moved most,
     * and the overall scores over time (oldest first) as a small line chart.
     */
    @Override
    public void addResultModel(AiRun run, List<AiRun> earlier, Map<String, Object> model) {
        JsonNode previous = earlier.isEmpty() ? null : earlier.get(0).output();
        Map<String, Integer> before = new HashMap<>();
        if (previous != null) {
            previous.path("factors")
                    .forEach(f ->
                            before.put(f.path("name").asText(), f.path("score").asInt()));
        }
        List<Map<String, Object>> factors = new ArrayList<>();
        String biggest = null;
        int biggestMove = 0;
        for (JsonNode factor : run.output().path("factors")) {
            Map<String, Object> row = new HashMap<>();
            String name = factor.path("name").asText();
            int score = factor.path("score").asInt();
            row.put("name", name);
            row.put("score", score);
            row.put("why", factor.path("why").asText());
            Integer old = before.get(name);
            if (old != null && old != score) {
                row.put("delta", signed(score - old));
                row.put("badge", score > old ? "ok" : "bad");
                if (Math.abs(score - old) > Math.abs(biggestMove)) {
                    biggestMove = score - old;
                    biggest = name + " (" + signed(score - old) + ")";
                }
            }
            factors.add(row);
        }
        model.put("factors", factors);
        Map<String, Object> history = new HashMap<>();
        if (previous != null) {
            int delta = run.output().path("overallScore").asInt()
                    - previous.path("overallScore").asInt();
            history.put("previous", Map.of("created", WHEN.format(earlier.get(0).createdAt())));
            history.put("overallDelta", signed(delta));
            history.put("overallBadge", delta >= 0 ? "ok" : "bad");
            history.put("biggestMove", biggest);
            List<AiRun> timeline = new ArrayList<>(earlier.subList(0, Math.min(earlier.size(), 9)));
            java.util.Collections.reverse(timeline);
            timeline.add(run);
            List<Map<String, Object>> points = new ArrayList<>();
            StringBuilder polyline = new StringBuilder();
            for (int i = 0; i < timeline.size(); i++) {
                int score = timeline.get(i).output().path("overallScore").asInt();
                points.add(Map.of("created", WHEN.format(timeline.get(i).createdAt()), "score", score));
                int x = timeline.size() == 1 ? 150 : 10 + i * 280 / (timeline.size() - 1);
                polyline.append(x).append(',').append(95 - score * 90 / 100).append(' ');
            }
            history.put("points", points);
            history.put("polyline", polyline.toString().strip());
        }
        model.put("history", history);
    }

    private static String signed(int value) {
        return value > 0 ? "+" + value : Integer.toString(value);
    }

    @Override
    public JsonNode mockOutput(JsonNode input) {
        String resume = input.path("resume").asText("");
        int lengthScore = resume.length() < 1500 ? 62 : 80;
        int[] scores = {58, 74, 70, 66, lengthScore};
        ObjectNode output = object();
        ArrayNode factors = output.putArray("factors");
        String[] why = {
            "Few bullets show numbers; say how many, how much or how fast.",
            "Sentences are short and readable; a few use vague verbs like 'helped'.",
            "Sections are in a sensible order; education could move below experience.",
            "Some terms from " + text(input, "targetRole", "the role") + " adverts are missing.",
            lengthScore < 70
                    ? "Short for a student CV: there is room for one more project, role or society."
                    : "Length fits a student CV: one to two pages."
        };
        int sum = 0;
        for (int i = 0; i < FACTORS.size(); i++) {
            factors.addObject()
                    .put("name", FACTORS.get(i))
                    .put("score", scores[i])
                    .put("why", why[i]);
            sum += scores[i];
        }
        output.put("overallScore", Math.round(sum / 5f));
        String firstLine =
                resume.lines().filter(line -> !line.isBlank()).findFirst().orElse("Your first line");
        output.putArray("suggestions")
                .addObject()
                .put("line", firstLine.length() > 300 ? firstLine.substring(0, 300) : firstLine)
                .put("suggestion", "Open with your strongest, quantified achievement relevant to the role.");
        return output;
    }
}
