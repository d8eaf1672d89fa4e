package com.careerai.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Completes the generated OpenAPI document with what the build cannot see: every operation may
 * answer an error in the one shape {@code {"error","message","fields"?}} (4XX, 5XX), documented
 * once as the {@code ApiError} schema.
 */
final class OpenApiErrors {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiErrors() {}

    @SuppressWarnings("unchecked")
    static String complete(String document) {
        Yaml yaml = new Yaml(new LoaderOptions());
        Map<String, Object> root = yaml.load(document);
        Map<String, Object> components =
                (Map<String, Object>) root.computeIfAbsent("components", key -> new LinkedHashMap<>());
        Map<String, Object> schemas =
                (Map<String, Object>) components.computeIfAbsent("schemas", key -> new LinkedHashMap<>());
        schemas.put("ApiError", apiErrorSchema());
        Map<String, Object> paths = (Map<String, Object>) root.getOrDefault("paths", Map.of());
        for (Object item : paths.values()) {
            for (Map.Entry<String, Object> operation : ((Map<String, Object>) item).entrySet()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) operation.getValue())
                        .computeIfAbsent("responses", key -> new LinkedHashMap<>());
                responses.replaceAll((code, response) -> code.startsWith("4") || code.startsWith("5")
                        ? withErrorBody((Map<String, Object>) response)
                        : response);
                responses.putIfAbsent(
                        "4XX",
                        withErrorBody(
                                description("Refused: bad input (400, 422), not signed in (401), not allowed (403), "
                                        + "not found (404, also for other universities' objects), too many requests (429 with "
                                        + "Retry-After)")));
                responses.putIfAbsent(
                        "5XX", withErrorBody(description("Our fault or unavailable; no internals are shown")));
            }
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(root);
    }

    private static Map<String, Object> description(String text) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("description", text);
        return response;
    }

    /** Gives an error response the ApiError body unless it documents its own. */
    private static Map<String, Object> withErrorBody(Map<String, Object> response) {
        Map<String, Object> copy = new LinkedHashMap<>(response);
        copy.putIfAbsent("description", "Error");
        copy.putIfAbsent(
                "content",
                Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/ApiError"))));
        return copy;
    }

    private static Map<String, Object> apiErrorSchema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("description", "The one error shape of the API");
        schema.put("required", List.of("error", "message"));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("error", Map.of("type", "string", "description", "stable code, e.g. not_found"));
        properties.put("message", Map.of("type", "string", "description", "what went wrong, for people"));
        properties.put(
                "fields",
                Map.of(
                        "type", "object",
                        "description", "a message per input field (400, 422)",
                        "additionalProperties", Map.of("type", "string")));
        schema.put("properties", properties);
        return schema;
    }
}
