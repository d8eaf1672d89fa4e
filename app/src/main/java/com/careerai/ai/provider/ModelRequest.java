package com.careerai.ai.provider;

import com.careerai.ai.analysis.ResumeAnalysis;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * One structured-output call.
 *
 * @param tool slug of the tool asking (mock answers depend on it)
 * @param model model name
 * @param system instructions
 * @param user the student's material
 * @param schema JSON schema the answer must follow (strict)
 * @param input the run's input (for mock answers)
 * @param analysis what code found in the input, stored on the run (for mock answers; null for tools
 *     that read no resume)
 * @param timeout limit of this call
 */
public record ModelRequest(
        String tool,
        String model,
        String system,
        String user,
        JsonNode schema,
        JsonNode input,
        @Nullable ResumeAnalysis analysis,
        Duration timeout) {}
