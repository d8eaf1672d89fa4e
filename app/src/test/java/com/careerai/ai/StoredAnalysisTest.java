package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.ai.analysis.ResumeAnalysis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The worker reads back the analysis its run stored at the start instead of analysing the resume
 * again (issue 19), and gets what {@link AiTool#analyse} made — sections in reading order although
 * jsonb keeps no key order; a stored analysis of another shape is not guessed at.
 */
class StoredAnalysisTest {
    private static final String RESUME = ToolSamples.RESUME;
    private static final String ADVERT = "A graduate analyst role working with SQL, Python, Tableau and stakeholders.";

    /** A tool that analyses a resume against an advert, counting how often it does. */
    private static final class CountingTool implements AiTool {
        final AtomicInteger analysed = new AtomicInteger();

        @Override
        public ResumeAnalysis analyse(JsonNode input) {
            analysed.incrementAndGet();
            return ResumeAnalysis.of(
                    input.path("resume").asText(), input.path("jobDescription").asText());
        }

        @Override
        public String slug() {
            return "counting";
        }

        @Override
        public String name() {
            return "Counting";
        }

        @Override
        public String description() {
            return "Counts analyses";
        }

        @Override
        public JsonNode inputSchema() {
            return ToolSchemas.JSON.createObjectNode();
        }

        @Override
        public JsonNode outputSchema() {
            return ToolSchemas.JSON.createObjectNode();
        }

        @Override
        public String systemPrompt() {
            return "";
        }

        @Override
        public String userPrompt(JsonNode input) {
            return "";
        }

        @Override
        public JsonNode mockOutput(JsonNode input, ResumeAnalysis analysis) {
            return ToolSchemas.JSON.createObjectNode();
        }
    }

    private static JsonNode input() {
        return ToolSchemas.JSON.createObjectNode().put("resume", RESUME).put("jobDescription", ADVERT);
    }

    private static AiRun run(JsonNode analysis) {
        return new AiRun(
                1,
                UUID.randomUUID(),
                2,
                "counting",
                null,
                RunStatus.RUNNING,
                "SILVER",
                1,
                null,
                false,
                true,
                input(),
                analysis,
                null,
                null,
                1,
                null,
                null,
                Instant.now(),
                Instant.now(),
                null);
    }

    /** The object's keys as jsonb returns them: shorter first, then by bytes (at every level). */
    private static JsonNode asJsonb(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort((a, b) -> a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b));
            ObjectNode sorted = ToolSchemas.JSON.createObjectNode();
            names.forEach(name -> sorted.set(name, asJsonb(node.get(name))));
            return sorted;
        }
        return node;
    }

    @Test
    void theStoredAnalysisIsReadBackAsItWasMadeWithoutAnalysingAgain() {
        ResumeAnalysis made = ResumeAnalysis.of(RESUME, ADVERT);
        assertThat(made.missingSections())
                .as("the sample misses several sections")
                .hasSizeGreaterThan(1);
        CountingTool tool = new CountingTool();

        ResumeAnalysis read = StoredAnalysis.of(tool, run(asJsonb(ToolSchemas.JSON.valueToTree(made))));

        assertThat(read).isEqualTo(made);
        assertThat(read.sections().keySet())
                .as("reading order")
                .containsExactlyElementsOf(made.sections().keySet());
        assertThat(read.missingSections()).containsExactlyElementsOf(made.missingSections());
        assertThat(tool.analysed).as("analyses").hasValue(0);
    }

    @Test
    void aRunWithoutAnAnalysisOrWithOneOfAnotherShapeIsAnalysedAgain() {
        ResumeAnalysis made = ResumeAnalysis.of(RESUME, ADVERT);
        ObjectNode missingField = ToolSchemas.JSON.valueToTree(made);
        missingField.remove("skills");
        ObjectNode extraField = ToolSchemas.JSON.valueToTree(made);
        extraField.put("readingAge", 12);
        CountingTool tool = new CountingTool();

        assertThat(StoredAnalysis.of(tool, run(null))).isEqualTo(made);
        assertThat(StoredAnalysis.of(tool, run(missingField))).isEqualTo(made);
        assertThat(StoredAnalysis.of(tool, run(extraField))).isEqualTo(made);
        assertThat(tool.analysed).as("analyses").hasValue(3);
    }
}
