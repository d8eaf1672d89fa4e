package com.careerai.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Loads tool schemas from {@code classpath:ai/schemas/} and validates JSON against them. */
public final class ToolSchemas {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<JsonNode, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    private ToolSchemas() {}

    /** Reads {@code ai/schemas/<name>.json}. */
    public static JsonNode load(String name) {
        try (InputStream in = ToolSchemas.class.getResourceAsStream("/ai/schemas/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("Missing schema ai/schemas/" + name + ".json");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Problems of {@code value} against {@code schema}, keyed by field name (dotted path; empty key
     * for the whole document), in words a student understands.
     */
    public static Map<String, String> problems(JsonNode schema, JsonNode value) {
        JsonSchema compiled = COMPILED.computeIfAbsent(schema, FACTORY::getSchema);
        Set<ValidationMessage> messages = compiled.validate(value);
        Map<String, String> problems = new LinkedHashMap<>();
        for (ValidationMessage message : messages) {
            String field = fieldOf(message);
            problems.putIfAbsent(field, friendly(message));
        }
        return problems;
    }

    private static String fieldOf(ValidationMessage message) {
        String location = message.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            return location.isEmpty() ? message.getProperty() : location + "." + message.getProperty();
        }
        return location;
    }

    private static String friendly(ValidationMessage message) {
        Object[] arguments = message.getArguments();
        String first = arguments != null && arguments.length > 0 ? String.valueOf(arguments[0]) : "";
        return switch (message.getType()) {
            case "required" -> "This is required.";
            case "minLength" -> "Please write at least " + first + " characters.";
            case "maxLength" -> "Please keep this to at most " + first + " characters.";
            case "enum" -> "Please choose one of the options.";
            case "type" -> "This has the wrong type.";
            case "minItems" -> "Please give at least " + first + ".";
            case "maxItems" -> "Please give at most " + first + ".";
            case "additionalProperties" -> "Unknown field.";
            case "minimum", "maximum" -> message.getMessage().replaceFirst("^\\$[^:]*: ", "");
            default -> message.getMessage().replaceFirst("^\\$[^:]*: ", "");
        };
    }
}
