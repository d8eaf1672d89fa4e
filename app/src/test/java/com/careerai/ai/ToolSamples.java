package com.careerai.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A valid input for every tool, and valid model answers that differ from the mock ones (each
 * carries a marker the result page must show), for tests against the fake OpenAI server.
 */
final class ToolSamples {
    /** The tools that call a model; Referral Trainer fills templates. */
    static final List<String> MODEL_TOOLS =
            List.of("job-pack", "skill-mapper", "cv-analysis", "internship-finder", "personal-statement");

    static final List<String> ALL_TOOLS = List.of(
            "job-pack", "skill-mapper", "cv-analysis", "internship-finder", "personal-statement", "referral-trainer");

    static final String RESUME = "Jane Student\nBSc Mathematics, 2026\n"
            + "- Built a Python tool that cleaned survey data for a research group\n"
            + "- Tutored first-year statistics to 30 students\n"
            + "- Led a team project analysing transport data with SQL\n";

    private ToolSamples() {}

    static java.util.stream.Stream<String> modelTools() {
        return MODEL_TOOLS.stream();
    }

    static java.util.stream.Stream<String> allTools() {
        return ALL_TOOLS.stream();
    }

    static ObjectNode input(String tool) {
        ObjectNode input = ToolSchemas.JSON.createObjectNode();
        switch (tool) {
            case "job-pack" -> {
                return (ObjectNode) JobPackSamples.input();
            }
            case "skill-mapper" -> {
                input.putArray("targetRoles").add("Data Analyst").add("Product Analyst");
                input.put("resume", RESUME);
                input.put("profileLinks", "GitHub: jane-student, three data projects");
            }
            case "cv-analysis" -> {
                input.put("resume", RESUME);
                input.put("targetRole", "Data Analyst");
            }
            case "internship-finder" -> {
                input.put("field", "Data science");
                input.put("location", "Manchester, UK");
                input.put("workMode", "either");
                input.put("season", "summer");
                input.put("skills", "Python, SQL, statistics");
            }
            case "personal-statement" -> {
                input.put("purpose", "visa");
                input.put("field", "Machine learning for healthcare");
                input.put(
                        "achievements",
                        "Published a paper on early sepsis detection; won the national student AI prize in 2025; "
                                + "built an open-source tool used by three hospitals.");
                input.put("careerPlans", "Lead an applied research team that brings models into NHS wards.");
                input.put("wordLimit", 300);
            }
            case "referral-trainer" -> {
                input.put("situation", "alumni-cold-message");
                input.put("name", "Priya");
                input.put("company", "Arup");
                input.put("role", "Graduate Structural Engineer");
                input.put("commonGround", "the engineering society");
            }
            default -> throw new IllegalArgumentException(tool);
        }
        return input;
    }

    /** A model answer valid for the tool's schema, different from its mock output. */
    static String answer(String tool) {
        return switch (tool) {
            case "job-pack" -> JobPackSamples.validOutput();
            case "skill-mapper" -> skillMap();
            case "cv-analysis" -> cvAnalysis(new int[] {70, 80, 75, 65, 60});
            case "internship-finder" -> internships();
            case "personal-statement" -> statement(250);
            default -> throw new IllegalArgumentException(tool);
        };
    }

    /** What the result page (and PDF) of {@link #answer} must show. */
    static String marker(String tool) {
        return switch (tool) {
            case "job-pack" -> "Dear Hiring Manager at Acme";
            case "skill-mapper" -> "Tableau dashboards";
            case "cv-analysis" -> "Quantify the tutoring";
            case "internship-finder" -> "Graduate scheme scout";
            case "personal-statement" -> "sepsis word";
            default -> throw new IllegalArgumentException(tool);
        };
    }

    static String skillMap() {
        ObjectNode output = ToolSchemas.JSON.createObjectNode();
        output.putArray("skillsFound")
                .addObject()
                .put("skill", "SQL")
                .put("evidence", "Led a team project analysing transport data with SQL");
        output.putArray("requiredSkills")
                .addObject()
                .put("role", "Data Analyst")
                .putArray("skills")
                .add("SQL")
                .add("Tableau dashboards");
        output.putArray("gaps")
                .addObject()
                .put("skill", "Tableau dashboards")
                .put("role", "Data Analyst")
                .put("impact", "high")
                .put("why", "Named in most adverts");
        ArrayNode plan = output.putArray("learningPlan");
        for (int week = 1; week <= 4; week++) {
            ObjectNode step = plan.addObject().put("week", week).put("focus", "Dashboards part " + week);
            step.putArray("activities").add("Build one chart");
            step.putArray("freeResources")
                    .addObject()
                    .put("title", "Tableau Public")
                    .put("url", "https://public.tableau.com/?a=1&b=2");
        }
        ObjectNode ready = output.putArray("readiness")
                .addObject()
                .put("role", "Data Analyst")
                .put("score", 64);
        ready.putArray("factors").add("SQL shown").add("No dashboards yet");
        return output.toString();
    }

    /** A CV analysis with these five factor scores (impact, clarity, structure, keywords, length). */
    static String cvAnalysis(int[] scores) {
        return cvAnalysis(scores, Math.round((scores[0] + scores[1] + scores[2] + scores[3] + scores[4]) / 5f));
    }

    static String cvAnalysis(int[] scores, int overall) {
        ObjectNode output = ToolSchemas.JSON.createObjectNode();
        output.put("overallScore", overall);
        ArrayNode factors = output.putArray("factors");
        String[] names = {"impact", "clarity", "structure", "keywords", "length"};
        for (int i = 0; i < names.length; i++) {
            factors.addObject()
                    .put("name", names[i])
                    .put("score", scores[i])
                    .put("why", "Because of " + names[i] + ".");
        }
        output.putArray("suggestions")
                .addObject()
                .put("line", "- Tutored first-year statistics to 30 students")
                .put("suggestion", "Quantify the tutoring: pass rates or grades.");
        return output.toString();
    }

    static String internships() {
        ObjectNode output = ToolSchemas.JSON.createObjectNode();
        ArrayNode directions = output.putArray("directions");
        for (int i = 1; i <= 5; i++) {
            ObjectNode direction = directions.addObject().put("roleTitle", "Graduate scheme scout " + i);
            direction.putArray("typicalEmployers").add("Banks");
            direction.putArray("whereToSearch").add("Careers fair");
            direction.putArray("whatToPrepare").add("A one-page CV");
        }
        output.put("note", "Directions, not live postings.");
        return output.toString();
    }

    /** A personal statement answer of exactly {@code words} words. */
    static String statement(int words) {
        StringBuilder text = new StringBuilder("sepsis word");
        for (int i = 2; i < words; i++) {
            text.append(" word");
        }
        ObjectNode output = ToolSchemas.JSON.createObjectNode();
        output.put("statement", text.toString());
        output.putArray("outline").add("Opening").add("Evidence").add("Plans");
        output.putArray("missingEvidence").add("A letter from the prize committee");
        return output.toString();
    }

    static JsonNode parse(String json) {
        try {
            return ToolSchemas.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
