package com.careerai.billing;

import com.careerai.tenancy.Tenants;
import com.careerai.tenancy.UnknownTenantException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code POST /webhooks/stripe} on the bare base domain (university hosts answer 404). 200 once an
 * event is recorded, whatever its outcome (a rejected event is not retried); 400 for a missing,
 * wrong or stale signature or a body that is not an event; 5xx when applying it failed, so that
 * Stripe delivers it again — until the fifth failed attempt, which is answered 200 with outcome
 * FAILED (the event is kept for {@code tenant-admin stripe-events replay}).
 */
@Controller("/webhooks/stripe")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class StripeWebhookController {
    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** What the webhook answers. */
    @Serdeable
    record Received(boolean received, String outcome, String detail) {}

    @Post(produces = MediaType.APPLICATION_JSON)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @ExecuteOn(TaskExecutors.IO)
    Received receive(
            HttpRequest<?> request, @Body byte[] payload, @Nullable @Header("Stripe-Signature") String signature) {
        if (Tenants.current(request).isPresent()) {
            throw new UnknownTenantException();
        }
        EventOutcome outcome = webhooks.receive(payload, signature);
        return new Received(true, outcome.kind().name(), outcome.detail());
    }
}
