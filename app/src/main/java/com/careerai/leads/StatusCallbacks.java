package com.careerai.leads;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Applies a provider's status callback to the communication log row it names. */
@Singleton
class StatusCallbacks {
    private final LeadStore store;

    StatusCallbacks(LeadStore store) {
        this.store = store;
    }

    @Transactional
    void apply(long universityId, UUID reference, Map<String, String> parameters) {
        store.byReference(universityId, reference).ifPresent(log -> {
            String providerStatus = parameters.getOrDefault("MessageStatus", parameters.getOrDefault("CallStatus", ""));
            String status = ourStatus(providerStatus.toLowerCase(Locale.ROOT));
            if (status == null || rank(status) < rank(log.status())) {
                return;
            }
            String providerId = parameters.getOrDefault("MessageSid", parameters.get("CallSid"));
            String error = parameters.containsKey("ErrorCode") ? "Twilio error " + parameters.get("ErrorCode") : null;
            store.outcome(universityId, log.id(), status, providerId, error);
            if (!status.equals("FAILED") && !status.equals("NO_ANSWER") && !status.equals("BUSY")) {
                store.contacted(universityId, log.leadId(), log.at());
            }
        });
    }

    /** How far along a status is; callbacks arrive out of order and never move a row back. */
    static int rank(String status) {
        return switch (status) {
            case "ATTEMPTED", "SKIPPED" -> 0;
            case "UNCONFIRMED" -> 1;
            case "SENT" -> 2;
            case "DELIVERED" -> 3;
            case "READ" -> 4;
            default -> 5;
        };
    }

    /** Twilio's message and call statuses as the log keeps them; null for ones that change nothing. */
    static String ourStatus(String providerStatus) {
        return switch (providerStatus) {
            case "sent", "queued", "accepted", "sending", "ringing", "in-progress", "initiated" -> "SENT";
            case "delivered" -> "DELIVERED";
            case "read" -> "READ";
            case "completed" -> "COMPLETED";
            case "no-answer" -> "NO_ANSWER";
            case "busy" -> "BUSY";
            case "failed", "undelivered", "canceled" -> "FAILED";
            default -> null;
        };
    }
}
