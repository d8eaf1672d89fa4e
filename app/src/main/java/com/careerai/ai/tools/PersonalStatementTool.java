package com.careerai.ai.tools;

import com.careerai.ai.AiRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    public JsonNode mockOutput(JsonNode input) {
        String field = text(input, "field", "my field");
        String purpose = "visa".equals(input.path("purpose").asText()) ? "this visa" : "this programme";
        ObjectNode output = object();
        output.put(
                "statement",
                "I am applying for " + purpose + " to continue building my career in " + field + ". "
                        + "Over the past years I have turned curiosity into results: the achievements I describe in my "
                        + "application show both depth in " + field
                        + " and the ability to work with others. My plans are "
                        + "concrete: in the next two years I intend to deepen this work, share it with the wider community and "
                        + "take on responsibility that benefits the organisations I work with. This statement sets out the "
                        + "evidence, what it shows about me, and why now is the right time.");
        output.putArray("outline")
                .add("Opening: who you are and what you apply for")
                .add("Evidence: your two strongest achievements")
                .add("Plans: the next two years")
                .add("Closing");
        output.putArray("missingEvidence")
                .add("A letter of recommendation from a recognised expert")
                .add("Numbers that show the reach of your work");
        return output;
    }
}
