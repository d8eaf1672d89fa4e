package com.careerai.billing;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads fields of Stripe objects in webhook payloads defensively: a missing field, a null or an
 * unexpected type reads as absent, and a reference reads the same whether Stripe sent the id or
 * the expanded object. Paths mix field names and list indexes ({@code "items", "data", 0}).
 */
final class StripeJson {
    private StripeJson() {}

    static JsonNode at(JsonNode node, Object... path) {
        JsonNode current = node;
        for (Object step : path) {
            current = step instanceof Integer index ? current.path(index) : current.path(step.toString());
        }
        return current;
    }

    /** A string, or the {@code id} of an expanded object; null when absent or blank. */
    @Nullable
    static String text(JsonNode node, Object... path) {
        JsonNode value = at(node, path);
        if (value.isObject()) {
            value = value.path("id");
        }
        if (value.isTextual() && !value.asText().isBlank()) {
            return value.asText();
        }
        return null;
    }

    /** A whole number, or {@code otherwise}. */
    static long number(JsonNode node, long otherwise, Object... path) {
        JsonNode value = at(node, path);
        return value.isIntegralNumber() ? value.asLong() : otherwise;
    }

    static boolean flag(JsonNode node, Object... path) {
        JsonNode value = at(node, path);
        return value.isBoolean() && value.asBoolean();
    }

    /** A Unix timestamp in seconds as an instant; null when absent. */
    @Nullable
    static Instant epochSeconds(JsonNode node, Object... path) {
        JsonNode value = at(node, path);
        return value.isIntegralNumber() ? Instant.ofEpochSecond(value.asLong()) : null;
    }

    /** The string entries of a {@code metadata} object; empty when absent. */
    static Map<String, String> metadata(JsonNode node, Object... path) {
        JsonNode value = at(node, path);
        Map<String, String> metadata = new LinkedHashMap<>();
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                if (entry.getValue().isTextual()) {
                    metadata.put(entry.getKey(), entry.getValue().asText());
                }
            }
        }
        return metadata;
    }

    @Nullable
    static String first(@Nullable String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
