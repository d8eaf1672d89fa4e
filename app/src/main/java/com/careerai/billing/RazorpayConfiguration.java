package com.careerai.billing;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Razorpay settings ({@code careerai.razorpay.*}; the environment feeds them as {@code RAZORPAY_*}).
 * Without a key id and secret students of a Razorpay university cannot buy; without a webhook
 * secret {@code /webhooks/razorpay} answers 503 so Razorpay keeps the events until it is set.
 */
@ConfigurationProperties("careerai.razorpay")
public class RazorpayConfiguration {
    private String keyId = "";
    private String keySecret = "";
    private String webhookSecret = "";
    private String apiBase = "";

    @NotNull
    private Duration connectTimeout = Duration.ofSeconds(5);

    @NotNull
    private Duration readTimeout = Duration.ofSeconds(20);

    /** The API key id, {@code rzp_test_…} or {@code rzp_live_…}; public (Checkout needs it). */
    public String getKeyId() {
        return keyId;
    }

    public void setKeyId(String keyId) {
        this.keyId = keyId == null ? "" : keyId.trim();
    }

    /** The API key secret: authenticates API calls and signs the Checkout handler's answer. */
    public String getKeySecret() {
        return keySecret;
    }

    public void setKeySecret(String keySecret) {
        this.keySecret = keySecret == null ? "" : keySecret.trim();
    }

    /** The secret set on the webhook in Razorpay's dashboard ({@code X-Razorpay-Signature}). */
    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret == null ? "" : webhookSecret.trim();
    }

    /**
     * Where the Razorpay API is ({@code RAZORPAY_API_BASE}, e.g. {@code http://127.0.0.1:9000});
     * empty for {@code https://api.razorpay.com}. Tests point it at a local stand-in.
     */
    public String getApiBase() {
        return apiBase;
    }

    public void setApiBase(String apiBase) {
        this.apiBase = apiBase == null ? "" : apiBase.trim();
    }

    /** How long to wait for a connection to Razorpay. */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** How long to wait for Razorpay's answer. */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** Whether orders can be created: a key id and secret are set. */
    public boolean checkoutConfigured() {
        return !keyId.isEmpty() && !keySecret.isEmpty();
    }

    /** Whether webhooks can be verified: a webhook secret is set. */
    public boolean webhooksConfigured() {
        return !webhookSecret.isEmpty();
    }
}
