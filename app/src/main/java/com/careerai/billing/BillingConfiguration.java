package com.careerai.billing;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Stripe settings ({@code careerai.billing.*}; the environment feeds them as {@code STRIPE_*}).
 * Without a secret key nobody can buy, and pages say billing is not configured; without a
 * webhook secret the webhook answers 503 so Stripe keeps the events until it is set.
 */
@ConfigurationProperties("careerai.billing")
public class BillingConfiguration {
    private String secretKey = "";
    private String webhookSecret = "";
    private String connectWebhookSecret = "";
    private String apiBase = "";
    private String portalConfiguration = "";

    @NotNull
    private Duration connectTimeout = Duration.ofSeconds(5);

    @NotNull
    private Duration readTimeout = Duration.ofSeconds(20);

    @Min(0)
    @Max(5)
    private int maxNetworkRetries = 2;

    @NotNull
    private Duration reconcileAfter = Duration.ofHours(25);

    /** Stripe secret API key, {@code sk_test_…} or {@code sk_live_…} ({@code STRIPE_SECRET_KEY}). */
    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey == null ? "" : secretKey.trim();
    }

    /** The signing secret of the webhook endpoint, {@code whsec_…} ({@code STRIPE_WEBHOOK_SECRET}). */
    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret == null ? "" : webhookSecret.trim();
    }

    /**
     * The signing secret of the Connect webhook endpoint ({@code STRIPE_CONNECT_WEBHOOK_SECRET}):
     * Stripe sends connected accounts' events ({@code account.updated}) to an endpoint of their own,
     * signed with its own secret. Optional: empty when both endpoints share the main secret. An
     * event verified by either secret is accepted.
     */
    public String getConnectWebhookSecret() {
        return connectWebhookSecret;
    }

    public void setConnectWebhookSecret(String connectWebhookSecret) {
        this.connectWebhookSecret = connectWebhookSecret == null ? "" : connectWebhookSecret.trim();
    }

    /**
     * Where the Stripe API is ({@code STRIPE_API_BASE}); empty for {@code https://api.stripe.com}.
     * Tests and stripe-mock style stand-ins set it.
     */
    public String getApiBase() {
        return apiBase;
    }

    public void setApiBase(String apiBase) {
        this.apiBase = apiBase == null ? "" : apiBase.trim();
    }

    /** Customer portal configuration id ({@code bpc_…}); empty uses the account's default. */
    public String getPortalConfiguration() {
        return portalConfiguration;
    }

    public void setPortalConfiguration(String portalConfiguration) {
        this.portalConfiguration = portalConfiguration == null ? "" : portalConfiguration.trim();
    }

    /** How long to wait for a connection to Stripe. */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** How long to wait for Stripe's answer. */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** Retries of a failed network call to Stripe (each with the same idempotency key). */
    public int getMaxNetworkRetries() {
        return maxNetworkRetries;
    }

    public void setMaxNetworkRetries(int maxNetworkRetries) {
        this.maxNetworkRetries = maxNetworkRetries;
    }

    /**
     * How long after its checkout started a payment still PENDING is asked about at Stripe by the
     * reconciliation job ({@code careerai.billing.reconcile-after}): Stripe expires a Checkout
     * Session 24 hours after it was created, so by then it has an answer.
     */
    public Duration getReconcileAfter() {
        return reconcileAfter;
    }

    public void setReconcileAfter(Duration reconcileAfter) {
        this.reconcileAfter = reconcileAfter;
    }

    /** Whether students can buy: a secret key is set. */
    public boolean checkoutConfigured() {
        return !secretKey.isEmpty();
    }

    /** Whether webhooks can be verified: a signing secret is set. */
    public boolean webhooksConfigured() {
        return !webhookSecret.isEmpty();
    }
}
