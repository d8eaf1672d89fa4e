package com.careerai.billing;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The metadata CareerAI puts on every Checkout Session (and, for plans, its subscription and so
 * every invoice): which university and student, which product, which payment row. Webhooks read
 * it back; the student is then checked against the university before anything is credited.
 */
final class CheckoutMetadata {
    static final String UNIVERSITY = "university_id";
    static final String USER = "user_id";
    static final String PRODUCT = "product";
    static final String PAYMENT = "payment_id";

    private CheckoutMetadata() {}

    static Map<String, String> of(long universityId, long userId, String product, UUID paymentId) {
        return Map.of(
                UNIVERSITY, Long.toString(universityId),
                USER, Long.toString(userId),
                PRODUCT, product,
                PAYMENT, paymentId.toString());
    }

    /** Whether the metadata names a university or a student at all (else it is not CareerAI's). */
    static boolean present(Map<String, String> metadata) {
        return metadata.containsKey(UNIVERSITY) || metadata.containsKey(USER);
    }

    @Nullable
    static Long number(Map<String, String> metadata, String key) {
        try {
            String value = metadata.get(key);
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Optional<UUID> payment(Map<String, String> metadata) {
        try {
            String value = metadata.get(PAYMENT);
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
