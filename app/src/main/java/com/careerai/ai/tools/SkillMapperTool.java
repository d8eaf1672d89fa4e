package com.careerai.ai.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Skill Mapper: skills with evidence, skills per target role, ranked gaps, a plan and readiness. */
@Singleton
class SkillMapperTool extends SchemaTool {

    SkillMapperTool() {
        super(
                "skill-mapper",
                "Skill Mapper",
                "Name up to three roles: see the skills your resume proves, the gaps "
                        + "that matter most, a 4–8 week learning plan with free resources, and how ready you are.");
    }

    /** A PDF of the map ({@code views/ai/pdf/skill-mapper.hbs}), made at its first download. */
    @Override
    public boolean makesPdf() {
        return true;
    }

    @Override
    public String systemPrompt() {
        return "You are a university careers adviser who maps a student's skills against target roles. Evidence must "
                + "quote or closely paraphrase the resume. Rank gaps by impact on getting hired. The learning plan has "
                + "4 to 8 weekly steps with free resources (official docs, MOOCs' free tiers, public tutorials) with "
                + "real, well-known URLs. Readiness scores are 0-100 with the factors behind them. Answer with JSON only.";
    }

    @Override
    public String userPrompt(JsonNode input) {
        List<String> roles = new ArrayList<>();
        input.path("targetRoles").forEach(role -> roles.add(role.asText()));
        return "Target roles: " + String.join("; ", roles) + "\n\nResume:\n"
                + input.path("resume").asText()
                + (input.hasNonNull("profileLinks")
                        ? "\n\nProfile notes:\n" + input.path("profileLinks").asText()
                        : "");
    }

    @Override
    public JsonNode mockOutput(JsonNode input) {
        List<String> roles = new ArrayList<>();
        input.path("targetRoles").forEach(role -> roles.add(role.asText()));
        if (roles.isEmpty()) {
            roles.add("Graduate role");
        }
        ObjectNode output = object();
        ArrayNode found = output.putArray("skillsFound");
        found.addObject().put("skill", "Python").put("evidence", "Resume mentions building a data tool in Python.");
        found.addObject().put("skill", "Teamwork").put("evidence", "Group project with shared responsibilities.");
        found.addObject().put("skill", "Communication").put("evidence", "Tutoring or presenting experience.");
        ArrayNode required = output.putArray("requiredSkills");
        ArrayNode gaps = output.putArray("gaps");
        ArrayNode readiness = output.putArray("readiness");
        int score = 72;
        for (String role : roles) {
            required.addObject()
                    .put("role", role)
                    .putArray("skills")
                    .add("SQL")
                    .add("Python")
                    .add("Stakeholder communication");
            gaps.addObject()
                    .put("skill", "SQL")
                    .put("role", role)
                    .put("impact", "high")
                    .put("why", "Most " + role + " job adverts ask for SQL in the first three requirements.");
            ObjectNode ready = readiness.addObject().put("role", role).put("score", score);
            ready.putArray("factors").add("Strong programming evidence").add("No SQL shown yet");
            score -= 9;
        }
        ArrayNode plan = output.putArray("learningPlan");
        String[] focus = {"SQL basics", "Joins and aggregation", "A small portfolio project", "Presenting your results"
        };
        for (int week = 1; week <= focus.length; week++) {
            ObjectNode step = plan.addObject().put("week", week).put("focus", focus[week - 1]);
            step.putArray("activities").add("Study 3 hours").add("Practise with a public data set");
            step.putArray("freeResources")
                    .addObject()
                    .put("title", "PostgreSQL tutorial")
                    .put("url", "https://www.postgresql.org/docs/current/tutorial.html");
        }
        return output;
    }
}
