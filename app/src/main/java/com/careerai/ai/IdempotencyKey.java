package com.careerai.ai;

import io.micronaut.core.annotation.Nullable;

/**
 * What makes starting a run safe to repeat: an API client's {@code Idempotency-Key} header or a
 * tool form's one-time token. The same key within 24 hours answers with the first run and never
 * debits twice; with a different request it is refused (422 {@code idempotency_key_reused}).
 *
 * @param value the key as stored (form tokens are kept apart from API keys by a prefix)
 * @param field where the key came from, for error messages: the header name or the form field
 */
public record IdempotencyKey(String value, String field) {
    /** The hidden field of tool forms that carries their one-time token. */
    public static final String FORM_FIELD = "formToken";

    /** The header's key; null when the header is absent. 422 {@code invalid_idempotency_key} when malformed. */
    @Nullable
    public static IdempotencyKey fromHeader(@Nullable String header) {
        if (header == null) {
            return null;
        }
        String key = header.trim();
        if (!RunRequestKeys.valid(key)) {
            throw IdempotencyKeyException.malformed(IdempotencyKeyException.HEADER);
        }
        return new IdempotencyKey(key, IdempotencyKeyException.HEADER);
    }

    /** A form's token; null when the form carries none (an old page, a script). */
    @Nullable
    public static IdempotencyKey fromForm(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        String key = token.trim();
        if (!RunRequestKeys.valid(key) || key.length() > RunRequestKeys.MAX_LENGTH - 5) {
            throw IdempotencyKeyException.malformed(FORM_FIELD);
        }
        return new IdempotencyKey("form:" + key, FORM_FIELD);
    }
}
