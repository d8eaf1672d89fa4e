package com.careerai.auth.google;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import java.util.Map;

/**
 * Registers the Micronaut Security OpenID client {@code google} only when {@code GOOGLE_CLIENT_ID}
 * and {@code GOOGLE_CLIENT_SECRET} are set: a registered client fetches its provider's metadata at
 * start-up, so an unconfigured one would break start-up and the login route. {@code GOOGLE_ISSUER}
 * (default {@code https://accounts.google.com}) points it at another OpenID provider.
 */
@ContextConfigurer
public class GoogleClientRegistration implements ApplicationContextConfigurer {
    static final String PREFIX = "micronaut.security.oauth2.clients.google.";
    public static final String DEFAULT_ISSUER = "https://accounts.google.com";

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.properties(properties(System.getenv()));
    }

    /** The client's properties for these environment variables; empty unless both are set. */
    static Map<String, Object> properties(Map<String, String> env) {
        String clientId = env.getOrDefault("GOOGLE_CLIENT_ID", "").trim();
        String clientSecret = env.getOrDefault("GOOGLE_CLIENT_SECRET", "").trim();
        if (clientId.isEmpty() || clientSecret.isEmpty()) {
            return Map.of();
        }
        String issuer = env.getOrDefault("GOOGLE_ISSUER", "").trim();
        return Map.of(
                PREFIX + "client-id", clientId,
                PREFIX + "client-secret", clientSecret,
                PREFIX + "openid.issuer", issuer.isEmpty() ? DEFAULT_ISSUER : issuer);
    }
}
