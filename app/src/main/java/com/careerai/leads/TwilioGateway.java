package com.careerai.leads;

import com.careerai.platform.web.CallsOut;
import java.net.URI;

/**
 * The port to the messaging provider for WhatsApp messages and voice calls ({@link
 * TwilioSdkGateway} is the adapter). Each call is made once: the provider has no idempotency key,
 * so a caller that does not learn the outcome must treat the message as maybe sent (ADR 0021).
 */
interface TwilioGateway {

    /** The provider accepted the request; {@code sid} names the message or call, {@code status} its first state. */
    record Accepted(String sid, String status) {}

    /**
     * The provider answered that it refused the request: nothing was sent. {@code retryable} when it
     * only asked to come back later (429).
     */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final boolean retryable;

        Refused(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        boolean retryable() {
            return retryable;
        }
    }

    /** No answer came back (network error, provider 5xx): the request may or may not have been acted on. */
    final class OutcomeUnknown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutcomeUnknown(String message, Throwable cause) {
            super(message, cause);
        }
    }

    boolean whatsappConfigured();

    boolean voiceConfigured();

    /** Sends a WhatsApp message to {@code to} (E.164); statuses are posted to {@code statusCallback}. */
    @CallsOut
    Accepted sendWhatsApp(String to, String body, URI statusCallback);

    /** Calls {@code to} (E.164) and reads {@code script} aloud ({@code <Say>}); statuses go to {@code statusCallback}. */
    @CallsOut
    Accepted call(String to, String script, URI statusCallback);

    /** Whether {@code signature} (header {@code X-Twilio-Signature}) signs this callback to {@code url}. */
    boolean validCallback(String url, java.util.Map<String, String> parameters, String signature);
}
