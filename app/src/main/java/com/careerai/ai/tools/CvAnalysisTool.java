package com.careerai.ai.tools;

import com.careerai.ai.AiRun;
import com.careerai.ai.RunTitles;
import com.careerai.ai.analysis.BulletStats;
import com.careerai.ai.analysis.CvScore;
import com.careerai.ai.analysis.DemoWriting;
import com.careerai.ai.analysis.KeywordMatch;
import com.careerai.ai.analysis.KeywordMatcher;
import com.careerai.ai.analysis.ResumeAnalysis;
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

    /** The PDF of the analysis ({@code views/ai/pdf/cv-analysis.hbs}), made at its first download. */
    @Override
    public boolean makesPdf() {
        return true;
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
    public String title(JsonNode input) {
        return RunTitles.of(name(), input.path("targetRole").asText(""));
    }

    @Override
    public ResumeAnalysis analyse(JsonNode input) {
        return ResumeAnalysis.of(input.path("resume").asText(""), null);
    }

    /**
     * Impact, clarity, structure and length are measured by code ({@link CvScore}), so the same
     * resume scores the same on them whichever model reads it; the keywords factor stays the
     * model's (it knows the target role). The overall score is the rounded average again.
     */
    @Override
    public JsonNode settle(JsonNode input, ResumeAnalysis analysis, JsonNode output) {
        Map<String, CvScore.Factor> measured = new HashMap<>();
        CvScore.factors(analysis).forEach(factor -> measured.put(factor.name(), factor));
        ObjectNode settled = output.deepCopy();
        ArrayNode factors = settled.putArray("factors");
        int sum = 0;
        for (JsonNode factor : output.path("factors")) {
            CvScore.Factor code = measured.get(factor.path("name").asText());
            ObjectNode row = factors.addObject().put("name", factor.path("name").asText());
            if (code == null) {
                row.put("score", factor.path("score").asInt())
                        .put("why", factor.path("why").asText());
            } else {
                row.put("score", code.score()).put("why", code.why());
            }
            sum += row.path("score").asInt();
        }
        settled.put("overallScore", Math.round(sum / 5f));
        return settled;
    }

    /**
     * Demo output from the student's CV: the factors code measures, a keywords factor from the
     * words of the target role found in the CV, and suggestions on the CV's own lines.
     */
    @Override
    public JsonNode mockOutput(JsonNode input, ResumeAnalysis analysis) {
        String resume = input.path("resume").asText("");
        String role = text(input, "targetRole", "the role");
        ObjectNode output = object();
        ArrayNode factors = output.putArray("factors");
        KeywordMatch roleWords = KeywordMatcher.match(role + " " + role, resume);
        List<CvScore.Factor> measured = new ArrayList<>(CvScore.factors(analysis));
        measured.add(
                3,
                new CvScore.Factor(
                        "keywords",
                        50 + roleWords.percent() / 2,
                        roleWords.missing().isEmpty()
                                ? "The CV uses the words of '" + role + "'; add the tools the adverts name."
                                : "The CV does not say " + DemoOutput.list(roleWords.missing())
                                        + " anywhere; adverts for " + role + " will."));
        int sum = 0;
        for (CvScore.Factor factor : measured) {
            factors.addObject()
                    .put("name", factor.name())
                    .put("score", factor.score())
                    .put("why", factor.why());
            sum += factor.score();
        }
        output.put("overallScore", Math.round(sum / 5f));
        String firstLine = resume.lines()
                .filter(line -> !line.isBlank())
                .findFirst()
                .orElse("Your first line")
                .strip();
        ArrayNode suggestions = output.putArray("suggestions");
        suggestions
                .addObject()
                .put("line", DemoOutput.cut(firstLine, 600))
                .put("suggestion", "Open with your strongest, quantified achievement relevant to " + role + ".");
        BulletStats bullets = analysis.bullets();
        for (String bullet : bullets.weakVerbs()) {
            suggest(
                    suggestions,
                    bullet,
                    "Say what you did, not what you were near: \"" + DemoWriting.rewrite(bullet) + "\"");
        }
        for (String bullet : bullets.unquantified()) {
            if (!bullets.weakVerbs().contains(bullet)) {
                suggest(suggestions, bullet, "Add a number: how many people, how much time or money, how often.");
            }
        }
        for (String bullet : bullets.tooLong()) {
            suggest(suggestions, bullet, "Cut this to under 30 words: one action and one result.");
        }
        List<String> missing = new ArrayList<>(analysis.missingSections());
        if (missing.remove("contact")) {
            suggest(suggestions, firstLine, "Put your email address and phone number at the top.");
        }
        if (!missing.isEmpty()) {
            suggest(
                    suggestions,
                    firstLine,
                    "Add " + (missing.size() == 1 ? "a section" : "sections") + " headed "
                            + DemoOutput.list(missing.stream()
                                    .map(section -> "\"" + Character.toUpperCase(section.charAt(0))
                                            + section.substring(1) + "\"")
                                    .toList())
                            + ".");
        }
        return output;
    }

    private static void suggest(ArrayNode suggestions, String line, String suggestion) {
        if (suggestions.size() < 25) {
            suggestions
                    .addObject()
                    .put("line", DemoOutput.cut(line, 600))
                    .put("suggestion", DemoOutput.cut(suggestion, 600));
        }
    }
}
