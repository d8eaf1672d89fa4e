package com.careerai.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns an HTML form into a tool's JSON input, guided by the input schema: strings as typed
 * (trimmed; blank fields are left out so "required" reports them), integers parsed, arrays of
 * strings one per line.
 */
public final class ToolForms {
    private ToolForms() {}

    public static ObjectNode toInput(JsonNode inputSchema, Map<String, String> form) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        JsonNode properties = inputSchema.path("properties");
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String raw = form.get(name);
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String type = properties.path(name).path("type").asText();
            switch (type) {
                case "integer" -> {
                    try {
                        input.put(name, Long.parseLong(raw.trim()));
                    } catch (NumberFormatException e) {
                        input.put(name, raw.trim()); // the schema reports "wrong type"
                    }
                }
                case "array" -> {
                    ArrayNode items = input.putArray(name);
                    Arrays.stream(raw.split("\\R"))
                            .map(String::trim)
                            .filter(line -> !line.isEmpty())
                            .forEach(items::add);
                }
                default -> input.put(name, raw.replace("\r\n", "\n").trim());
            }
        }
        return input;
    }

    /** The reverse of {@link #toInput}: a run's input as form values (arrays one item per line). */
    public static Map<String, String> toValues(JsonNode input) {
        Map<String, String> values = new java.util.HashMap<>();
        input.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isArray()) {
                java.util.List<String> lines = new java.util.ArrayList<>();
                value.forEach(item -> lines.add(item.asText()));
                values.put(field.getKey(), String.join("\n", lines));
            } else if (value.isValueNode()) {
                values.put(field.getKey(), value.asText());
            }
        });
        return values;
    }
}
