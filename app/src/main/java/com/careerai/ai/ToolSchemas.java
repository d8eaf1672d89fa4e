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
    /**
     * The compiled schema by the identity of the tool's schema node: hashing a schema node walks it
     * whole, which cost as much as validating a run's input (issue 19). Bounded, because tests
     * create many contexts whose tools load their schemas again; a node ships ~30 schemas.
     */
    private static final Map<Identity, JsonSchema> BY_IDENTITY = new ConcurrentHashMap<>();

    private static final int IDENTITIES_KEPT = 256;

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
        JsonSchema compiled = compiled(schema);
        Set<ValidationMessage> messages = compiled.validate(value);
        Map<String, String> problems = new LinkedHashMap<>();
        for (ValidationMessage message : messages) {
            String field = fieldOf(message);
            problems.putIfAbsent(field, friendly(message));
        }
        return problems;
    }

    private static JsonSchema compiled(JsonNode schema) {
        Identity identity = new Identity(schema);
        JsonSchema compiled = BY_IDENTITY.get(identity);
        if (compiled == null) {
            compiled = COMPILED.computeIfAbsent(schema, FACTORY::getSchema);
            if (BY_IDENTITY.size() >= IDENTITIES_KEPT) {
                BY_IDENTITY.clear();
            }
            BY_IDENTITY.put(identity, compiled);
        }
        return compiled;
    }

    /** A schema node compared by identity. */
    private record Identity(JsonNode node) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.node == node;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(node);
        }
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
