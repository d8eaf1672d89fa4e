package com.careerai.ai;

import java.util.UUID;

/** What a run costs and the wallet calls it makes (adapter over the credits feature). */
public interface RunCharges {

    /** Costs of {@code tool} by currency ({@code SILVER}, {@code GOLD}); a currency it cannot be paid in is absent. */
    java.util.Map<String, Integer> costs(String tool);

    /** Cost of {@code tool} in {@code currency}; 422 when the tool cannot be paid in it. */
    int cost(String tool, String currency);

    /** Debits the run's cost inside the caller's transaction; 402 when the balance is too low. */
    void debit(long universityId, long userId, String tool, String currency, UUID runId);

    /** What the user's wallet holds by currency ({@code SILVER}, {@code GOLD}), to say before a run whether it can pay. */
    java.util.Map<String, Long> balances(long universityId, long userId);

    /** Gives the run's debit back, once (key {@code refund:<runId>}); a replay is a no-op. */
    void refund(long universityId, UUID runId);
}
