package com.careerai.leads;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.security.RequestValidator;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Say;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** {@link TwilioGateway} over Twilio's official Java SDK, one request per call. */
@Singleton
class TwilioSdkGateway implements TwilioGateway {
    private final TwilioConfiguration configuration;
    private volatile TwilioRestClient client;

    TwilioSdkGateway(TwilioConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean whatsappConfigured() {
        return configuration.whatsappConfigured();
    }

    @Override
    public boolean voiceConfigured() {
        return configuration.voiceConfigured();
    }

    @Override
    public Accepted sendWhatsApp(String to, String body, URI statusCallback) {
        return once(() -> {
            Message message = Message.creator(
                            new PhoneNumber("whatsapp:" + to),
                            new PhoneNumber("whatsapp:" + configuration.getWhatsappFrom()),
                            body)
                    .setStatusCallback(statusCallback)
                    .create(client());
            return new Accepted(message.getSid(), String.valueOf(message.getStatus()));
        });
    }

    @Override
    public Accepted call(String to, String script, URI statusCallback) {
        String twiml = new VoiceResponse.Builder()
                .say(new Say.Builder(script).build())
                .build()
                .toXml();
        return once(() -> {
            Call call = Call.creator(
                            new PhoneNumber(to), new PhoneNumber(configuration.getVoiceFrom()), new Twiml(twiml))
                    .setStatusCallback(statusCallback)
                    .setStatusCallbackEvent(List.of("completed"))
                    .create(client());
            return new Accepted(call.getSid(), String.valueOf(call.getStatus()));
        });
    }

    @Override
    public boolean validCallback(String url, Map<String, String> parameters, String signature) {
        if (configuration.getAuthToken().isEmpty() || signature == null || signature.isBlank()) {
            return false;
        }
        return new RequestValidator(configuration.getAuthToken()).validate(url, parameters, signature);
    }

    private static Accepted once(java.util.function.Supplier<Accepted> request) {
        try {
            return request.get();
        } catch (ApiConnectionException e) {
            throw new OutcomeUnknown("Twilio could not be reached: " + e.getMessage(), e);
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            if (status != null && status >= 400 && status < 500) {
                throw new Refused("Twilio refused it (" + status + "): " + e.getMessage(), status == 429);
            }
            throw new OutcomeUnknown("Twilio gave no usable answer: " + e.getMessage(), e);
        }
    }

    private TwilioRestClient client() {
        TwilioRestClient current = client;
        if (current == null) {
            current = new TwilioRestClient.Builder(configuration.getAccountSid(), configuration.getAuthToken())
                    .httpClient(new SingleAttemptHttpClient(configuration.getApiBase()))
                    .build();
            client = current;
        }
        return current;
    }
}
