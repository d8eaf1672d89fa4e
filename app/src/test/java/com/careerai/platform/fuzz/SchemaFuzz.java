package com.careerai.platform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * JSON values for an OpenAPI 3.0 schema, generated from a seeded {@link Random}: valid
 * ones (within types, required fields, enums and limits) and hostile ones (wrong types, nulls,
 * missing and extra fields, huge strings and arrays, numbers at and past their limits, unicode edge
 * cases). Also checks a JSON answer against the schema it is documented with.
 */
public final class SchemaFuzz {
    /** Text that must never come back unescaped in HTML. */
    public static final String MARKER = "<x-fuzz>";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Strings people and attackers type: markup, RTL overrides, combining marks, NUL, injections. */
    public static final List<String> EDGE_STRINGS = List.of(
            "",
            " ",
            MARKER + "\"'&",
            "<script>alert(1)</script>" + MARKER,
            "\u202Eevil\u202C",
            "\u200F\u05E9\u05DC\u05D5\u05DD\u200E",
            "e\u0301\u0301\u0301\u0301\u0301\u0301",
            "\u0000",
            "a\u0000b",
            "\u0007\u001B[31m",
            "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "\uFEFF\u200B",
            "\r\nX-Injected: yes",
            "../../etc/passwd",
            "%00%2e%2e%2f",
            "{{7*7}}${7*7}",
            "' OR 1=1 --",
            "null",
            "-1",
            "99999999999999999999999",
            "1e309",
            "NaN",
            "2026-02-30T25:61:00Z",
            "2026-12-02T10:00:00Z",
            "Europe/London",
            "Not/AZone",
            "00000000-0000-0000-0000-000000000000",
            "x@y",
            "student@example.edu");

    private static final String ORDINARY = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.@";
    private static final List<Object> NUMBERS_PAST_LIMITS = List.of(
            0,
            -1,
            Integer.MAX_VALUE,
            Integer.MIN_VALUE,
            (long) Integer.MAX_VALUE + 1,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            BigInteger.TWO.pow(64),
            new BigDecimal("1e309"),
            1.5,
            -0.0);

    private final Map<String, Object> schemas;
    private final Random random;

    /**
     * @param schemas the document's {@code components.schemas}, for {@code $ref}
     * @param seed fixes every choice: the same seed sends the same requests
     */
    public SchemaFuzz(Map<String, Object> schemas, long seed) {
        this.schemas = schemas;
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** A fuzzed string: ordinary, hostile or huge. */
    public String text() {
        int pick = random.nextInt(10);
        if (pick < 3) {
            return randomText(ORDINARY, 30);
        }
        if (pick < 5) {
            return randomCodePoints(12);
        }
        if (pick < 9) {
            return EDGE_STRINGS.get(random.nextInt(EDGE_STRINGS.size()));
        }
        return huge(5000);
    }

    private String randomText(String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Any code points, surrogates and controls included: what a hostile client can send. */
    private String randomCodePoints(int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            int codePoint =
                    random.nextBoolean() ? random.nextInt(0x3000) : random.nextInt(Character.MAX_CODE_POINT + 1);
            if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                text.append((char) codePoint);
            } else {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    /** A string of {@code length} characters, for oversized input. */
    public static String huge(int length) {
        return "a".repeat(length);
    }

    /** The schema behind {@code $ref} and {@code allOf} (first part), or the schema itself. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> current = schema;
        for (int depth = 0; depth < 10 && current != null; depth++) {
            if (current.get("$ref") instanceof String ref) {
                current = (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (current.get("allOf") instanceof List<?> parts && !parts.isEmpty()) {
                Map<String, Object> merged = new java.util.LinkedHashMap<>((Map<String, Object>) parts.get(0));
                if (Boolean.TRUE.equals(current.get("nullable"))) {
                    merged.put("nullable", true);
                }
                current = merged;
            } else {
                return current;
            }
        }
        return current == null ? Map.of() : current;
    }

    /** A value the schema accepts (as far as types, required fields, enums and limits go). */
    public JsonNode valid(Map<String, Object> rawSchema, int depth) {
        Map<String, Object> schema = resolve(rawSchema);
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            Object chosen = values.get(random.nextInt(values.size()));
            return chosen == null
                    ? JSON.nullNode()
                    : chosen instanceof Number number ? number(number) : JSON.textNode(chosen.toString());
        }
        String type =
                String.valueOf(schema.getOrDefault("type", schema.containsKey("properties") ? "object" : "string"));
        switch (type) {
            case "integer" -> {
                long min = schema.get("minimum") instanceof Number n ? n.longValue() : 0;
                long max = schema.get("maximum") instanceof Number n ? n.longValue() : min + 1000;
                return JSON.numberNode(min + (long) (random.nextDouble() * (Math.max(min, max) - min)));
            }
            case "number" -> {
                return JSON.numberNode(random.nextDouble() * 1000);
            }
            case "boolean" -> {
                return JSON.booleanNode(random.nextBoolean());
            }
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                int size = depth > 3 ? 0 : random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    array.add(valid(items(schema), depth + 1));
                }
                return array;
            }
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                List<?> required = schema.get("required") instanceof List<?> r ? r : List.of();
                properties(schema).forEach((name, property) -> {
                    if (required.contains(name) || random.nextInt(3) > 0) {
                        object.set(name, depth > 4 ? JSON.nullNode() : valid(map(property), depth + 1));
                    }
                });
                return object;
            }
            default -> {
                String text = text();
                if (schema.get("maxLength") instanceof Number max && text.length() > max.intValue()) {
                    text = text.substring(0, max.intValue());
                }
                return JSON.textNode(text);
            }
        }
    }

    /** A value that breaks the schema somewhere: one of the ways inputs go wrong. */
    public JsonNode hostile(Map<String, Object> rawSchema) {
        JsonNode valid = valid(rawSchema, 0);
        Map<String, Object> schema = resolve(rawSchema);
        switch (random.nextInt(8)) {
            case 0 -> {
                return wrongType(valid);
            }
            case 1 -> {
                return JSON.nullNode();
            }
            case 2 -> {
                return JSON.objectNode(); // every field missing
            }
            default -> {
                if (!(valid instanceof ObjectNode object)) {
                    return wrongType(valid);
                }
                List<String> names = new ArrayList<>(properties(schema).keySet());
                String name = names.isEmpty() ? "unexpected" : names.get(random.nextInt(names.size()));
                switch (random.nextInt(6)) {
                    case 0 -> object.set(name, wrongType(object.path(name)));
                    case 1 -> object.putNull(name);
                    case 2 -> object.remove(name);
                    case 3 -> object.put("unexpected" + random.nextInt(100), text());
                    case 4 ->
                        object.set(name, hugeOf(resolve(map(properties(schema).getOrDefault(name, Map.of())))));
                    default ->
                        object.set(name, number((Number)
                                NUMBERS_PAST_LIMITS.get(random.nextInt(NUMBERS_PAST_LIMITS.size()))));
                }
                return object;
            }
        }
    }

    private static JsonNode number(Number number) {
        if (number instanceof BigInteger big) {
            return JSON.numberNode(big);
        }
        if (number instanceof BigDecimal decimal) {
            return JSON.numberNode(decimal);
        }
        if (number instanceof Double || number instanceof Float) {
            return JSON.numberNode(number.doubleValue());
        }
        return JSON.numberNode(number.longValue());
    }

    private JsonNode hugeOf(Map<String, Object> schema) {
        if ("array".equals(schema.get("type"))) {
            ArrayNode array = JSON.arrayNode();
            for (int i = 0; i < 10_000; i++) {
                array.add(i % 2 == 0 ? JSON.textNode(MARKER) : JSON.numberNode(i));
            }
            return array;
        }
        return JSON.textNode(huge(200_000) + MARKER);
    }

    private JsonNode wrongType(JsonNode value) {
        List<JsonNode> others = new ArrayList<>(List.of(
                JSON.textNode(text()),
                JSON.numberNode(random.nextLong()),
                JSON.booleanNode(true),
                JSON.arrayNode().add(MARKER),
                JSON.objectNode().put("x", MARKER),
                JSON.numberNode(new BigDecimal("1e400"))));
        others.removeIf(other -> other.getNodeType() == value.getNodeType());
        return others.get(random.nextInt(others.size()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> schema) {
        return schema.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> items(Map<String, Object> schema) {
        return schema.get("items") instanceof Map<?, ?> i ? (Map<String, Object>) i : Map.of();
    }

    /**
     * Where {@code value} disagrees with {@code schema} (types, nullability, required fields),
     * as readable paths; empty when it matches.
     */
    public List<String> mismatches(Map<String, Object> rawSchema, JsonNode value, String where) {
        List<String> problems = new ArrayList<>();
        check(rawSchema, value, where, problems, 0);
        return problems;
    }

    private void check(Map<String, Object> rawSchema, JsonNode value, String where, List<String> problems, int depth) {
        Map<String, Object> schema = resolve(rawSchema);
        if (depth > 12 || schema.isEmpty()) {
            return;
        }
        if (value == null || value.isMissingNode()) {
            return;
        }
        if (value.isNull()) {
            if (!Boolean.TRUE.equals(schema.get("nullable")) && !Boolean.TRUE.equals(rawSchema.get("nullable"))) {
                problems.add(where + " is null but not documented as nullable");
            }
            return;
        }
        Object type = schema.get("type");
        if (type == null && schema.containsKey("properties")) {
            type = "object";
        }
        if (type == null) {
            return; // free-form
        }
        boolean matches =
                switch (type.toString()) {
                    case "string" -> value.isTextual();
                    case "integer" -> value.isIntegralNumber();
                    case "number" -> value.isNumber();
                    case "boolean" -> value.isBoolean();
                    case "array" -> value.isArray();
                    case "object" -> value.isObject();
                    default -> true;
                };
        if (!matches) {
            problems.add(where + " is " + value.getNodeType() + " but documented as " + type);
            return;
        }
        if (value.isArray()) {
            int i = 0;
            for (JsonNode item : value) {
                if (i < 5) {
                    check(items(schema), item, where + "[" + i + "]", problems, depth + 1);
                }
                i++;
            }
        } else if (value.isObject()) {
            if (schema.get("required") instanceof List<?> required) {
                for (Object name : required) {
                    if (!value.has(name.toString())) {
                        problems.add(where + "." + name + " is documented as required but missing");
                    }
                }
            }
            Map<String, Object> properties = properties(schema);
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> property = (Map<String, Object>) properties.get(field.getKey());
                if (property != null) {
                    check(property, field.getValue(), where + "." + field.getKey(), problems, depth + 1);
                }
            }
        }
    }
}
