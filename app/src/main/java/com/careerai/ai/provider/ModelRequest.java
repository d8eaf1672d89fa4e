package com.careerai.ai.provider;

import com.fasterxml.jackson.databind.JsonNode;
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
 * @param timeout limit of this call
 */
public record ModelRequest(
        String tool, String model, String system, String user, JsonNode schema, JsonNode input, Duration timeout) {}
