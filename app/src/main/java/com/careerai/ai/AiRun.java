package com.careerai.ai;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/** One run of a tool for one student. */
public record AiRun(
        long universityId,
        UUID id,
        long userId,
        String tool,
        RunStatus status,
        String currency,
        int cost,
        @Nullable String model,
        boolean fellBack,
        boolean demo,
        JsonNode input,
        @Nullable JsonNode output,
        @Nullable String error,
        int attempts,
        @Nullable Integer tokensIn,
        @Nullable Integer tokensOut,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {}
