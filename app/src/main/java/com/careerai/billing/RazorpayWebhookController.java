package com.careerai.billing;

import com.careerai.platform.web.ProblemException;
import com.careerai.tenancy.Tenants;
import com.careerai.tenancy.UnknownTenantException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.json.JSONException;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/razorpay} on the bare base domain (university hosts answer 404). The
 * {@code X-Razorpay-Signature} must be HMAC-SHA256 of the raw body with the webhook secret, else
 * 400 and nothing is written; 503 without a secret (Razorpay retries); 200 once the event is
 * recorded, whatever its outcome; 5xx when applying it failed, so that Razorpay delivers it again.
 */
@Controller("/webhooks/razorpay")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class RazorpayWebhookController {
    private static final Logger LOG = LoggerFactory.getLogger(RazorpayWebhookController.class);

    private final RazorpayGateway gateway;
    private final RazorpayPayments razorpay;

    RazorpayWebhookController(RazorpayGateway gateway, RazorpayPayments razorpay) {
        this.gateway = gateway;
        this.razorpay = razorpay;
    }

    @Post(produces = MediaType.APPLICATION_JSON)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    StripeWebhookController.Received receive(
            HttpRequest<?> request,
            @Body byte[] payload,
            @Nullable @Header("X-Razorpay-Signature") String signature,
            @Nullable @Header("X-Razorpay-Event-Id") String eventId) {
        if (Tenants.current(request).isPresent()) {
            throw new UnknownTenantException();
        }
        if (!gateway.webhooksConfigured()) {
            throw new NotConfigured();
        }
        if (!gateway.webhookSignatureValid(payload, signature)) {
            throw new InvalidWebhookException("The X-Razorpay-Signature is missing or does not match the body.");
        }
        JSONObject event;
        try {
            event = new JSONObject(new String(payload, StandardCharsets.UTF_8));
        } catch (JSONException e) {
            throw new InvalidWebhookException("The body is not a Razorpay event.");
        }
        String id = eventId == null || eventId.isBlank() ? "body:" + sha256(payload) : eventId.trim();
        EventOutcome outcome = razorpay.process(id, event);
        LOG.info("Razorpay event {} ({}): {} {}", id, event.optString("event"), outcome.kind(), outcome.detail());
        return new StripeWebhookController.Received(true, outcome.kind().name(), outcome.detail());
    }

    private static String sha256(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 503: no webhook secret is configured. */
    static final class NotConfigured extends ProblemException {
        private static final long serialVersionUID = 1L;

        NotConfigured() {
            super(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "billing_not_configured",
                    "RAZORPAY_WEBHOOK_SECRET is not set; the event was not processed.");
        }
    }
}
