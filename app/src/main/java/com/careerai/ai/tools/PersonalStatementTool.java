package com.careerai.ai.tools;

import com.careerai.ai.AiRun;
import com.careerai.ai.RunTitles;
import com.careerai.ai.analysis.ResumeAnalysis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** Personal Statement: a draft within the word limit, its outline, and the evidence still missing. */
@Singleton
class PersonalStatementTool extends SchemaTool {

    PersonalStatementTool() {
        super(
                "personal-statement",
                "Personal Statement",
                "A draft statement for a visa (Global Talent style) or a "
                        + "programme application within your word limit, with its structure and the evidence you still need.");
    }

    static final int DEFAULT_WORD_LIMIT = 1000;

    /** Words as a reader counts them: runs of non-space characters. */
    public static int words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    @Override
    public String systemPrompt() {
        return "You write personal statements for visa (e.g. Global Talent) and study programme applications. Use only "
                + "the applicant's evidence; never invent awards, employers or numbers. Stay within the word limit. "
                + "List evidence an assessor would expect that is missing. Answer with JSON only.";
    }

    @Override
    public String userPrompt(JsonNode input) {
        return "Purpose: " + input.path("purpose").asText() + "\nField: "
                + input.path("field").asText()
                + "\nWord limit: " + wordLimit(input) + " words (hard limit: count them; shorter is fine)"
                + "\n\nEvidence of achievements:\n" + input.path("achievements").asText()
                + "\n\nCareer plans:\n" + input.path("careerPlans").asText();
    }

    static int wordLimit(JsonNode input) {
        return input.path("wordLimit").asInt(DEFAULT_WORD_LIMIT);
    }

    /** The word limit is a hard limit: an answer over it goes back for the repair pass, then is refunded. */
    @Override
    public List<String> checkOutput(JsonNode input, JsonNode output) {
        int limit = wordLimit(input);
        int words = words(output.path("statement").asText(""));
        return words > limit
                ? List.of("statement has " + words + " words; the limit is " + limit + " words: shorten it")
                : List.of();
    }

    @Override
    public void addResultModel(AiRun run, List<AiRun> earlier, Map<String, Object> model) {
        int words = words(run.output().path("statement").asText(""));
        model.put("wordCount", words);
        model.put("wordLimit", wordLimit(run.input()));
        model.put("withinLimit", words <= wordLimit(run.input()));
    }

    @Override
    public String title(JsonNode input) {
        String purpose = "visa".equals(input.path("purpose").asText()) ? " (visa)" : " (programme)";
        return RunTitles.of(name(), input.path("field").asText("").strip() + purpose);
    }

    /** The PDF of the draft ({@code views/ai/pdf/personal-statement.hbs}), made at its first download. */
    @Override
    public boolean makesPdf() {
        return true;
    }

    /**
     * Demo output from the applicant's own evidence and plans, quoted into a fixed frame and cut
     * to the word limit.
     */
    @Override
    public JsonNode mockOutput(JsonNode input, @Nullable ResumeAnalysis analysed) {
        String field = text(input, "field", "my field");
        String purpose = "visa".equals(input.path("purpose").asText()) ? "this visa" : "this programme";
        String achievements = firstWords(input.path("achievements").asText(""), 90);
        String plans = firstWords(input.path("careerPlans").asText(""), 60);
        String statement = "I am applying for " + purpose + " to continue building my career in " + field + ". "
                + "Over the past years I have turned curiosity into results. " + DemoOutput.sentence(achievements)
                + " This work shows both depth in " + field + " and the ability to work with others. "
                + "My plans are concrete: " + DemoOutput.lowerFirst(DemoOutput.sentence(plans))
                + " This statement sets out the evidence, what it shows about me, and why now is the right time.";
        ObjectNode output = object();
        output.put("statement", firstWords(statement, wordLimit(input)));
        output.putArray("outline")
                .add("Opening: who you are and what you apply for")
                .add("Evidence: your two strongest achievements")
                .add("Plans: the next two years")
                .add("Closing");
        ArrayNode missing = output.putArray("missingEvidence");
        missing.add("A letter of recommendation from a recognised expert");
        if (!java.util.regex.Pattern.compile("\\d").matcher(achievements).find()) {
            missing.add("Numbers that show the reach of your work");
        }
        return output;
    }

    private static String firstWords(String text, int limit) {
        String[] words = text.strip().split("\\s+");
        return words.length <= limit ? text.strip() : String.join(" ", java.util.Arrays.copyOf(words, limit)) + "…";
    }
}
