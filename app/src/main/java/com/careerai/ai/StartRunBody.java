package com.careerai.ai;

import com.careerai.platform.web.RefusedRequestException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpStatus;
import java.io.IOException;
import java.util.Map;

/**
 * The body of a run start, read once from its bytes straight into what the run keeps: the currency
 * as sent and the input as the JSON tree the run stores (issue 19: reading it into a map and then
 * turning the map into a tree cost the debit path twice). It answers every body as the API did
 * when Micronaut's serde read it into {@link RunViews.StartRunRequest} (StartRunBodyTest pins them):
 * the first {@code currency} and {@code input} win, other fields and text after the object are
 * ignored, a currency may be a number or boolean (as its text) or an array of one, a missing or
 * null input is empty; anything else is unreadable (400).
 */
record StartRunBody(String currency, JsonNode input) {

    static StartRunBody read(byte[] body) {
        try (JsonParser parser = ToolSchemas.JSON.createParser(body)) {
            JsonToken first;
            try {
                first = parser.nextToken();
            } catch (IOException notJson) {
                // Not JSON from its first character: Micronaut answered this without naming the argument.
                throw new RefusedRequestException(
                        HttpStatus.BAD_REQUEST, "bad_request", RefusedRequestException.UNREADABLE, Map.of());
            }
            if (first != JsonToken.START_OBJECT) {
                throw unreadable();
            }
            String currency = null;
            JsonNode input = null;
            boolean currencySeen = false;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME) {
                    throw unreadable(); // the body ends inside the object
                }
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("currency") && !currencySeen) {
                    currencySeen = true;
                    currency = currency(parser, value);
                } else if (field.equals("input") && input == null) {
                    input = input(parser, value);
                } else {
                    parser.skipChildren();
                }
            }
            return new StartRunBody(currency, input == null ? ToolSchemas.JSON.createObjectNode() : input);
        } catch (IOException e) {
            throw unreadable();
        }
    }

    private static String currency(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.START_ARRAY) {
            String only = scalarText(parser, parser.nextToken());
            if (parser.nextToken() != JsonToken.END_ARRAY) {
                throw unreadable();
            }
            return only;
        }
        return scalarText(parser, value);
    }

    private static String scalarText(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value == null || !value.isScalarValue()) {
            throw unreadable();
        }
        return parser.getText();
    }

    private static JsonNode input(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return ToolSchemas.JSON.createObjectNode();
        }
        if (value != JsonToken.START_OBJECT) {
            throw unreadable();
        }
        return ToolSchemas.JSON.readValue(parser, ObjectNode.class);
    }

    private static RefusedRequestException unreadable() {
        return new RefusedRequestException(
                HttpStatus.BAD_REQUEST,
                "bad_request",
                RefusedRequestException.UNREADABLE,
                Map.of("/request", RefusedRequestException.UNREADABLE));
    }
}
