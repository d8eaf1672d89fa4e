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

/** Internship Finder: directions to search (roles, employers, where, what to prepare) — answered at once. */
@Singleton
class InternshipFinderTool extends SchemaTool {
    static final String NOTE = "These are directions to search, not live postings: CareerAI does not invent openings. "
            + "Check each employer's careers page and your university's jobs board for current vacancies.";

    InternshipFinderTool() {
        super(
                "internship-finder",
                "Internship Finder",
                "Tell us your field, place and season: get 5–10 internship "
                        + "directions — role titles, typical employers, where to search and what to prepare.");
    }

    @Override
    public String title(JsonNode input) {
        return RunTitles.of(
                name(),
                input.path("field").asText("").strip() + ", "
                        + input.path("location").asText("").strip());
    }

    @Override
    public boolean synchronous() {
        return true;
    }

    /** The page always says it shows no live postings, whatever the model put in {@code note}. */
    @Override
    public void addResultModel(AiRun run, List<AiRun> earlier, Map<String, Object> model) {
        model.put("standingNote", NOTE);
        String note = run.output().path("note").asText("").strip();
        if (!note.isEmpty() && !note.equals(NOTE)) {
            model.put("modelNote", note);
        }
    }

    @Override
    public String systemPrompt() {
        return "You advise university students where to look for internships. Do not invent live job postings, "
                + "application links or deadlines. Give 5 to 10 directions: role titles, typical kinds of employers "
                + "(well-known examples are fine), where to search (job boards, society fairs, company programmes) and "
                + "what to prepare. Set 'note' to say these are directions, not live postings. Answer with JSON only.";
    }

    @Override
    public String userPrompt(JsonNode input) {
        return "Field: " + input.path("field").asText() + "\nLocation: "
                + input.path("location").asText()
                + " (" + input.path("workMode").asText() + ")\nSeason: "
                + input.path("season").asText()
                + "\nSkills: " + input.path("skills").asText();
    }

    @Override
    public JsonNode mockOutput(JsonNode input, @Nullable ResumeAnalysis analysed) {
        String field = text(input, "field", "your field");
        String location = text(input, "location", "your area");
        ObjectNode output = object();
        ArrayNode directions = output.putArray("directions");
        String[] roles = {"Research intern", "Data intern", "Product intern", "Operations intern", "Consulting intern"};
        for (String role : roles) {
            ObjectNode direction = directions.addObject().put("roleTitle", role + " (" + field + ")");
            direction
                    .putArray("typicalEmployers")
                    .add("Large employers in " + location)
                    .add("Start-ups")
                    .add("Public sector");
            direction
                    .putArray("whereToSearch")
                    .add("Your university's jobs board")
                    .add("Company graduate programme pages");
            direction
                    .putArray("whatToPrepare")
                    .add("A one-page CV tailored to " + field)
                    .add("Two project stories (STAR)");
        }
        output.put("note", NOTE);
        return output;
    }
}
