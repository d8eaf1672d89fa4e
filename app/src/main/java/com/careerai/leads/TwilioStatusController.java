package com.careerai.leads;

import com.careerai.platform.config.CareerAiConfiguration;
import com.careerai.platform.web.ProblemException;
import com.careerai.tenancy.CurrentUniversity;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /webhooks/twilio/status?ref=…} on the university's host: Twilio's status callbacks
 * for follow-up messages and calls. The signature ({@code X-Twilio-Signature}) is checked with
 * Twilio's request validator against the URL the callback was given — built from
 * {@code careerai.site-url}, never from the Host header — and the form parameters; a bad one is 403.
 */
@Controller(TwilioStatusController.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class TwilioStatusController {
    static final String PATH = "/webhooks/twilio/status";

    private final TwilioGateway twilio;
    private final CareerAiConfiguration configuration;
    private final StatusCallbacks callbacks;

    TwilioStatusController(TwilioGateway twilio, CareerAiConfiguration configuration, StatusCallbacks callbacks) {
        this.twilio = twilio;
        this.configuration = configuration;
        this.callbacks = callbacks;
    }

    private static final class Refused extends ProblemException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(HttpStatus.FORBIDDEN, "bad_signature", "The request signature does not match.");
        }
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> status(
            @CurrentUniversity University university,
            @Nullable @QueryValue String ref,
            @Body byte[] body,
            @Nullable @Header("X-Twilio-Signature") String signature) {
        Map<String, String> parameters = form(new String(body, StandardCharsets.UTF_8));
        String url = configuration.siteUrlOf(university.subdomain()) + PATH + (ref == null ? "" : "?ref=" + ref);
        if (!twilio.validCallback(url, parameters, signature)) {
            throw new Refused();
        }
        UUID reference;
        try {
            reference = UUID.fromString(ref == null ? "" : ref);
        } catch (IllegalArgumentException e) {
            return HttpResponse.noContent();
        }
        callbacks.apply(university.id(), reference, parameters);
        return HttpResponse.noContent();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }
}
