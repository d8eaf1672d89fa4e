package com.careerai.ai.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.ai.AiTool;
import com.careerai.ai.ToolSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Demo output is built from the student's own input — their bullets, skills, name and the
 * advert's keywords — and stays valid for each tool's schema and rules.
 */
class DemoOutputTest {
    private static String sample(String name) {
        try (InputStream in = DemoOutputTest.class.getResourceAsStream("/samples/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode valid(AiTool tool, JsonNode input) {
        assertThat(ToolSchemas.problems(tool.inputSchema(), input))
                .as("sample input")
                .isEmpty();
        JsonNode output = tool.mockOutput(input, tool.analyse(input));
        assertThat(ToolSchemas.problems(tool.outputSchema(), output))
                .as(tool.slug())
                .isEmpty();
        assertThat(tool.checkOutput(input, tool.settle(input, tool.analyse(input), output)))
                .as(tool.slug())
                .isEmpty();
        return output;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }

    @Test
    void jobPackRewritesTheStudentsOwnBulletsAndSignsWithTheirName() {
        ObjectNode input = JsonNodeFactory.instance
                .objectNode()
                .put("jobTitle", "Graduate Data Analyst")
                .put("company", "Acme Analytics")
                .put("jobDescription", sample("jd-data-analyst"))
                .put("resume", sample("resume-data-analyst"))
                .put("tone", "professional");
        JsonNode output = valid(new JobPackTool(), input);

        assertThat(texts(output.path("experienceBullets"), "original"))
                .contains("Helped with the weekly sales dashboard in Power BI");
        assertThat(texts(output.path("experienceBullets"), "rewritten"))
                .contains(
                        "Contributed to the weekly sales dashboard in Power BI — [add a number: how many, how much or "
                                + "how often]");
        assertThat(output.path("coverLetter").asText())
                .startsWith("Dear Hiring Team at Acme Analytics")
                .endsWith("Yours sincerely,\nAmira Okafor")
                .contains("Built a Python script that cleaned 2 million till records");
        assertThat(output.path("summary").asText()).startsWith("Amira Okafor is applying for Graduate Data Analyst");
        assertThat(output.path("keywords").path("missing").toString()).contains("Kubernetes");
        assertThat(output.path("keywords").path("matched").toString()).contains("Python");
        assertThat(output.path("skillsToEmphasise").toString()).contains("SQL").doesNotContain("Kubernetes");
    }

    @Test
    void cvAnalysisScoresAndSuggestionsComeFromTheCvItself() {
        CvAnalysisTool tool = new CvAnalysisTool();
        ObjectNode input = JsonNodeFactory.instance
                .objectNode()
                .put("resume", sample("resume-mechanical"))
                .put("targetRole", "Design Engineer");
        JsonNode output = valid(tool, input);
        assertThat(texts(output.path("suggestions"), "line"))
                .contains(
                        "Assisted the design team with CAD drawings for conveyor parts",
                        "Did tolerance checks on supplier drawings");
        assertThat(output.path("suggestions").toString()).contains("Add a section headed \\\"Skills\\\"");
        assertThat(texts(output.path("factors"), "name"))
                .containsExactly("impact", "clarity", "structure", "keywords", "length");

        // a model's factors for impact, clarity, structure and length give way to the measured ones
        ObjectNode model = output.deepCopy();
        model.withArray("factors").forEach(factor -> ((ObjectNode) factor).put("score", 11));
        JsonNode settled = tool.settle(input, tool.analyse(input), model);
        assertThat(settled.path("factors").toString())
                .isNotEqualTo(model.path("factors").toString());
        assertThat(settled.path("factors").get(3).path("score").asInt())
                .as("keywords stay the model's")
                .isEqualTo(11);
        assertThat(tool.settle(input, tool.analyse(input), model)).isEqualTo(settled);
        assertThat(tool.checkOutput(input, settled)).isEmpty();
    }

    @Test
    void skillMapperAndStatementUseTheStudentsWords() {
        ObjectNode skills = JsonNodeFactory.instance.objectNode().put("resume", sample("resume-data-analyst"));
        skills.putArray("targetRoles").add("Data Analyst");
        JsonNode map = valid(new SkillMapperTool(), skills);
        assertThat(texts(map.path("skillsFound"), "skill")).contains("Python", "SQL", "Tableau");
        assertThat(map.path("skillsFound").toString()).contains("Power BI, Tableau");
        assertThat(texts(map.path("learningPlan"), "focus")).last().isEqualTo("Presenting your results");

        ObjectNode statement = JsonNodeFactory.instance
                .objectNode()
                .put("purpose", "program")
                .put("field", "Public history")
                .put(
                        "achievements",
                        "Curated a pop-up exhibition on the town's mills with the local museum; edited the "
                                + "student history magazine for two years.")
                .put("careerPlans", "Work in museum education and make local history open to schools.")
                .put("wordLimit", 200);
        JsonNode draft = valid(new PersonalStatementTool(), statement);
        assertThat(draft.path("statement").asText())
                .contains("Curated a pop-up exhibition on the town's mills")
                .contains("work in museum education");
    }

    @Test
    void titlesNameTheRunByItsInput() {
        assertThat(new JobPackTool()
                        .title(JsonNodeFactory.instance
                                .objectNode()
                                .put("jobTitle", "Data Analyst")
                                .put("company", "Acme")))
                .isEqualTo("Job Pack — Data Analyst at Acme");
        ObjectNode roles = JsonNodeFactory.instance.objectNode();
        roles.putArray("targetRoles").add("Data Analyst").add("Product Analyst");
        assertThat(new SkillMapperTool().title(roles)).isEqualTo("Skill Mapper — Data Analyst, Product Analyst");
        assertThat(new CvAnalysisTool()
                        .title(JsonNodeFactory.instance.objectNode().put("targetRole", "x".repeat(300))))
                .hasSize(200)
                .endsWith("…");
    }
}
