package com.careerai.ai.tools;

import com.careerai.ai.AiTool;
import com.careerai.ai.ToolSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Base of the tools: identity and the schemas loaded from {@code ai/schemas/<slug>.(input|output).json}. */
abstract class SchemaTool implements AiTool {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String slug;
    private final String name;
    private final String description;
    private final JsonNode inputSchema;
    private final JsonNode outputSchema;

    SchemaTool(String slug, String name, String description) {
        this.slug = slug;
        this.name = name;
        this.description = description;
        this.inputSchema = ToolSchemas.load(slug + ".input");
        this.outputSchema = ToolSchemas.load(slug + ".output");
    }

    @Override
    public final String slug() {
        return slug;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final JsonNode inputSchema() {
        return inputSchema;
    }

    @Override
    public final JsonNode outputSchema() {
        return outputSchema;
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static String text(JsonNode input, String field, String fallback) {
        String value = input.path(field).asText("");
        return value.isBlank() ? fallback : value;
    }
}
