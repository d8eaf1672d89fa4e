package com.careerai.ai.tools;

import com.careerai.ai.RunTitles;
import com.careerai.ai.analysis.ResumeAnalysis;
import com.careerai.ai.analysis.Synonyms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    public String title(JsonNode input) {
        return RunTitles.of(name(), String.join(", ", roles(input)));
    }

    @Override
    public ResumeAnalysis analyse(JsonNode input) {
        return ResumeAnalysis.of(input.path("resume").asText(""), null);
    }

    private static List<String> roles(JsonNode input) {
        List<String> roles = new ArrayList<>();
        input.path("targetRoles").forEach(role -> roles.add(role.asText().strip()));
        return roles;
    }

    /** Skills a kind of role usually asks for, by a word of its title; the last entry fits any role. */
    private static final List<Map.Entry<String, List<String>>> ROLE_SKILLS = List.of(
            Map.entry("data", List.of("SQL", "Python", "statistics", "data visualisation", "Excel")),
            Map.entry("analyst", List.of("SQL", "Excel", "data visualisation", "stakeholder management")),
            Map.entry("software", List.of("Git", "Python", "Java", "SQL", "REST APIs")),
            Map.entry("developer", List.of("Git", "JavaScript", "SQL", "REST APIs")),
            Map.entry("product", List.of("user experience", "stakeholder management", "SQL", "agile")),
            Map.entry("design", List.of("CAD", "MATLAB", "project management", "communication")),
            Map.entry("engineer", List.of("CAD", "MATLAB", "project management", "teamwork")),
            Map.entry("market", List.of("search engine optimisation", "Excel", "communication", "data visualisation")),
            Map.entry("", List.of("communication", "teamwork", "Excel", "project management")));

    private static final Map<String, String> FREE_RESOURCES = Map.of(
            "SQL", "https://www.postgresql.org/docs/current/tutorial.html",
            "Python", "https://docs.python.org/3/tutorial/",
            "Git", "https://git-scm.com/book/en/v2",
            "JavaScript", "https://developer.mozilla.org/en-US/docs/Learn/JavaScript",
            "statistics", "https://www.khanacademy.org/math/statistics-probability",
            "Excel", "https://support.microsoft.com/en-us/training");

    static List<String> requiredFor(String role) {
        String lower = role.toLowerCase(java.util.Locale.ROOT);
        List<String> skills = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : ROLE_SKILLS) {
            if (lower.contains(entry.getKey())
                    && (skills.isEmpty() || !entry.getKey().isEmpty())) {
                entry.getValue().stream()
                        .filter(skill -> !skills.contains(skill))
                        .forEach(skills::add);
            }
        }
        return skills.subList(0, Math.min(skills.size(), 8));
    }

    /**
     * Demo output from the student's resume: the skills it names, each with the line that shows
     * it, against what each target role usually asks for; gaps, readiness and a plan from that.
     */
    @Override
    public JsonNode mockOutput(JsonNode input, ResumeAnalysis analysis) {
        List<String> roles = roles(input);
        if (roles.isEmpty()) {
            roles.add("Graduate role");
        }
        String resume = input.path("resume").asText("");
        ObjectNode output = object();
        ArrayNode found = output.putArray("skillsFound");
        for (String skill :
                analysis.skills().subList(0, Math.min(analysis.skills().size(), 15))) {
            String line = resume.lines()
                    .filter(text -> Synonyms.skillsIn(text).contains(skill))
                    .findFirst()
                    .map(String::strip)
                    .orElse("Named in your resume.");
            found.addObject().put("skill", skill).put("evidence", DemoOutput.cut("\"" + line + "\"", 400));
        }
        if (found.isEmpty()) {
            String line = DemoOutput.bulletsOf(resume, 1).stream().findFirst().orElse("Your resume");
            found.addObject().put("skill", "Communication").put("evidence", DemoOutput.cut("\"" + line + "\"", 400));
        }
        ArrayNode required = output.putArray("requiredSkills");
        ArrayNode gaps = output.putArray("gaps");
        ArrayNode readiness = output.putArray("readiness");
        List<String> planned = new ArrayList<>();
        for (String role : roles) {
            List<String> skills = requiredFor(role);
            ArrayNode list = required.addObject().put("role", role).putArray("skills");
            skills.forEach(list::add);
            List<String> missing = skills.stream()
                    .filter(skill -> !analysis.skills().contains(skill))
                    .toList();
            for (int i = 0; i < missing.size() && gaps.size() < 20; i++) {
                gaps.addObject()
                        .put("skill", missing.get(i))
                        .put("role", role)
                        .put("impact", i == 0 ? "high" : i < 3 ? "medium" : "low")
                        .put(
                                "why",
                                "Adverts for " + role + " usually ask for " + missing.get(i)
                                        + "; your resume does not mention it yet.");
                if (!planned.contains(missing.get(i))) {
                    planned.add(missing.get(i));
                }
            }
            int covered = skills.size() - missing.size();
            ObjectNode ready = readiness
                    .addObject()
                    .put("role", role)
                    .put("score", 30 + Math.round(60f * covered / Math.max(1, skills.size())));
            ArrayNode factors = ready.putArray("factors");
            factors.add("Your resume shows " + covered + " of the " + skills.size() + " skills " + role
                    + " adverts ask for");
            factors.add(analysis.bullets().quantified() + " of "
                    + analysis.bullets().count() + " bullets carry a number");
        }
        ArrayNode plan = output.putArray("learningPlan");
        List<String> focus = new ArrayList<>(planned.subList(0, Math.min(planned.size(), 3)));
        while (focus.size() < 3) {
            focus.add(focus.isEmpty() ? "A small portfolio project" : "A portfolio project using " + focus.get(0));
        }
        focus.add("Presenting your results");
        for (int week = 1; week <= focus.size(); week++) {
            String skill = focus.get(week - 1);
            ObjectNode step = plan.addObject().put("week", week).put("focus", skill);
            step.putArray("activities").add("Study 3 hours").add("Add one line about it to your resume");
            String url = FREE_RESOURCES.get(skill);
            ArrayNode resources = step.putArray("freeResources");
            if (url != null) {
                resources.addObject().put("title", skill + " (free guide)").put("url", url);
            }
        }
        return output;
    }
}
