package com.careerai.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code run_idempotency_keys}: the key a run was started with (an API client's
 * {@code Idempotency-Key} or a form's one-time token) and a hash of what was asked, written in the
 * transaction that debits the run. Keys live 24 hours; an older key is claimed afresh.
 */
@Singleton
class RunRequestKeys {
    /** How long a key answers with its first run. */
    static final String LIFETIME = "24 hours";

    /** Longest key accepted (the header of an API client, or a form token). */
    static final int MAX_LENGTH = 255;

    /** An earlier claim of the key: the request it was made for and the run it started. */
    record Claim(String requestHash, UUID runId) {}

    private final JdbcOperations jdbc;

    RunRequestKeys(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims {@code key} of the user for {@code runId}, inside the caller's transaction; empty
     * when this call claimed it (go on: debit and insert the run), else the earlier claim. A
     * concurrent claim of the same key waits for the first transaction: after its commit it finds
     * that claim, after its rollback it claims the key itself.
     */
    Optional<Claim> claim(long universityId, long userId, String key, String requestHash, UUID runId) {
        int claimed = jdbc.prepareStatement(
                "INSERT INTO run_idempotency_keys"
                        + " (university_id, id, user_id, idempotency_key, request_hash, run_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (university_id, user_id, idempotency_key) DO UPDATE"
                        + " SET id = EXCLUDED.id, request_hash = EXCLUDED.request_hash, run_id = EXCLUDED.run_id,"
                        + " created_at = now()"
                        + " WHERE run_idempotency_keys.created_at < now() - interval '" + LIFETIME + "'",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setObject(2, UUID.randomUUID());
                    statement.setLong(3, userId);
                    statement.setString(4, key);
                    statement.setString(5, requestHash);
                    statement.setObject(6, runId);
                    return statement.executeUpdate();
                });
        if (claimed == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.prepareStatement(
                "SELECT request_hash, run_id FROM run_idempotency_keys"
                        + " WHERE university_id = ? AND user_id = ? AND idempotency_key = ?",
                statement -> {
                    statement.setLong(1, universityId);
                    statement.setLong(2, userId);
                    statement.setString(3, key);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return new Claim(rows.getString("request_hash"), rows.getObject("run_id", UUID.class));
                    }
                }));
    }

    /** What a request asks for, as a hash that ignores the order of JSON object members. */
    static String hash(String tool, String currency, JsonNode input) {
        ObjectNode request = ToolSchemas.JSON.createObjectNode();
        request.put("tool", tool);
        request.put("currency", currency);
        request.set("input", canonical(input));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ToolSchemas.JSON.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key must be 1–255 visible ASCII characters (as Stripe and the IETF draft use them). */
    static boolean valid(String key) {
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            return false;
        }
        return key.getBytes(StandardCharsets.US_ASCII).length == key.length()
                && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    private static JsonNode canonical(JsonNode node) {
        if (node == null) {
            return ToolSchemas.JSON.nullNode();
        }
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                sorted.put(name, canonical(node.get(name)));
            }
            ObjectNode copy = ToolSchemas.JSON.createObjectNode();
            sorted.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ToolSchemas.JSON.createArrayNode();
            node.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        return node;
    }
}
