package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolSchemasTest {
    private final JsonNode input = ToolSchemas.load("job-pack.input");

    @Test
    void missingAndTooShortFieldsAreReportedPerFieldInWords() {
        ObjectNode value =
                ToolSchemas.JSON.createObjectNode().put("jobTitle", "X").put("tone", "shouty");
        Map<String, String> problems = ToolSchemas.problems(input, value);
        assertThat(problems)
                .containsEntry("jobTitle", "Please write at least 2 characters.")
                .containsEntry("tone", "Please choose one of the options.")
                .containsEntry("company", "This is required.")
                .containsEntry("resume", "This is required.");
    }

    @Test
    void formFieldsBecomeInputGuidedByTheSchema() {
        ObjectNode value = ToolForms.toInput(input, Map.of("jobTitle", "  Analyst ", "company", "", "extra", "x"));
        assertThat(value.toString()).isEqualTo("{\"jobTitle\":\"Analyst\"}");
    }
}
