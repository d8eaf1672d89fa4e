package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.ai.analysis.ResumeAnalysis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The worker reads back the analysis its run stored at the start instead of analysing the resume
 * again (issue 19), and gets what {@link AiTool#analyse} made — sections in reading order although
 * jsonb keeps no key order; a stored analysis of another shape is not guessed at.
 */
class StoredAnalysisTest {
    private static final String ADVERT = "A graduate analyst role working with SQL, Python, Tableau and stakeholders.";
    private static final ResumeAnalysis MADE = ResumeAnalysis.of(ToolSamples.RESUME, ADVERT);

    private final AtomicInteger analysed = new AtomicInteger();
    private final Supplier<ResumeAnalysis> analyseAgain = () -> {
        analysed.incrementAndGet();
        return ResumeAnalysis.of(ToolSamples.RESUME, ADVERT);
    };

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
        assertThat(MADE.missingSections())
                .as("the sample misses several sections")
                .hasSizeGreaterThan(1);

        ResumeAnalysis read = StoredAnalysis.read(asJsonb(ToolSchemas.JSON.valueToTree(MADE)), analyseAgain);

        assertThat(read).isEqualTo(MADE);
        assertThat(read.sections().keySet())
                .as("reading order")
                .containsExactlyElementsOf(MADE.sections().keySet());
        assertThat(read.missingSections()).containsExactlyElementsOf(MADE.missingSections());
        assertThat(analysed).as("analyses").hasValue(0);
    }

    @Test
    void aRunWithoutAnAnalysisOrWithOneOfAnotherShapeIsAnalysedAgain() {
        ObjectNode missingField = ToolSchemas.JSON.valueToTree(MADE);
        missingField.remove("skills");
        ObjectNode extraField = ToolSchemas.JSON.valueToTree(MADE);
        extraField.put("readingAge", 12);

        assertThat(StoredAnalysis.read(null, analyseAgain)).isEqualTo(MADE);
        assertThat(StoredAnalysis.read(missingField, analyseAgain)).isEqualTo(MADE);
        assertThat(StoredAnalysis.read(extraField, analyseAgain)).isEqualTo(MADE);
        assertThat(analysed).as("analyses").hasValue(3);
    }
}
