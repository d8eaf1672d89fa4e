package com.careerai.ai;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/** AI run settings ({@code careerai.ai.*}), fed by {@code OPENAI_*} and {@code CAREERAI_*} variables. */
@ConfigurationProperties("careerai.ai")
public class AiConfiguration {
    /** How runs are answered: {@code openai} (any OpenAI-compatible server) or {@code mock} (sample output). */
    public enum Mode {
        OPENAI,
        MOCK
    }

    @Nullable
    private String apiKey;

    @Nullable
    private String baseUrl;

    private String mode = "auto";

    private String standardModel = "gpt-4o-mini";
    private String premiumModel = "gpt-4o";
    private Duration callTimeout = Duration.ofSeconds(90);
    private int maxAttempts = 3;
    private Duration backoff = Duration.ofSeconds(2);
    private Duration runTimeout = Duration.ofMinutes(5);
    private Duration syncTimeout = Duration.ofSeconds(45);
    private int syncThreads = 4;
    private int syncQueueLimit = 16;
    private Duration syncRetryAfter = Duration.ofSeconds(5);
    private Duration toolSettingsTtl = Duration.ofSeconds(5);

    /**
     * {@code CAREERAI_AI_MODE}: {@code mock}, {@code openai}, or {@code auto} (the default: openai
     * when an API key is set, mock otherwise).
     */
    public Mode getMode() {
        return switch (mode == null ? "auto" : mode.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "mock" -> Mode.MOCK;
            case "openai" -> Mode.OPENAI;
            default -> apiKey == null || apiKey.isBlank() ? Mode.MOCK : Mode.OPENAI;
        };
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    @Nullable
    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    /** An OpenAI-compatible server; empty means api.openai.com. */
    @Nullable
    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Model for silver runs ({@code CAREERAI_MODEL_STANDARD}). */
    public String getStandardModel() {
        return standardModel;
    }

    public void setStandardModel(String standardModel) {
        this.standardModel = standardModel;
    }

    /** Model for gold runs ({@code CAREERAI_MODEL_PREMIUM}). */
    public String getPremiumModel() {
        return premiumModel;
    }

    public void setPremiumModel(String premiumModel) {
        this.premiumModel = premiumModel;
    }

    /** Limit of one model call; JobRunr has no job timeout, so this is the one that bounds a run. */
    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** Calls of one model for transient errors (429, 5xx, timeout) before giving up. */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** First wait between attempts; doubles each time. */
    public Duration getBackoff() {
        return backoff;
    }

    public void setBackoff(Duration backoff) {
        this.backoff = backoff;
    }

    /**
     * A run's whole budget ({@code CAREERAI_RUN_TIMEOUT}): the worker starts no model call, retry,
     * repair or fallback after {@code started_at} + this, and cuts the last call's timeout to fit;
     * a run still RUNNING past it (its worker died) is failed and refunded by the sweeper.
     */
    public Duration getRunTimeout() {
        return runTimeout;
    }

    public void setRunTimeout(Duration runTimeout) {
        this.runTimeout = runTimeout;
    }

    /** Limit of a synchronous tool (Internship Finder) before it is refunded and answered with an error. */
    public Duration getSyncTimeout() {
        return syncTimeout;
    }

    public void setSyncTimeout(Duration syncTimeout) {
        this.syncTimeout = syncTimeout;
    }

    /**
     * Threads that run synchronous tools (Internship Finder), apart from the threads that render
     * pages: a burst of synchronous runs waits for these instead of starving every university's pages.
     */
    public int getSyncThreads() {
        return syncThreads;
    }

    public void setSyncThreads(int syncThreads) {
        this.syncThreads = Math.max(1, syncThreads);
    }

    /** Synchronous runs that may wait for a thread; one more is refused with 429 and {@code Retry-After}. */
    public int getSyncQueueLimit() {
        return syncQueueLimit;
    }

    public void setSyncQueueLimit(int syncQueueLimit) {
        this.syncQueueLimit = Math.max(0, syncQueueLimit);
    }

    /** {@code Retry-After} of a synchronous run refused because every thread and queue place is taken. */
    public Duration getSyncRetryAfter() {
        return syncRetryAfter;
    }

    public void setSyncRetryAfter(Duration syncRetryAfter) {
        this.syncRetryAfter = syncRetryAfter;
    }

    /**
     * How long a node keeps a university's switched-off tools ({@code CAREERAI_TOOL_SETTINGS_TTL}):
     * a switch made on another node takes effect here within it; 0 reads them on every use (ADR 0041).
     */
    public Duration getToolSettingsTtl() {
        return toolSettingsTtl;
    }

    public void setToolSettingsTtl(Duration toolSettingsTtl) {
        this.toolSettingsTtl = toolSettingsTtl;
    }
}
