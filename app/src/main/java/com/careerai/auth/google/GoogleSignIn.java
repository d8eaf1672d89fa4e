package com.careerai.auth.google;

import com.careerai.tenancy.University;
import io.micronaut.context.BeanContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.security.oauth2.client.OauthClient;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Whether "Continue with Google" is offered, where it starts, and what its failures mean to people. */
@Singleton
public class GoogleSignIn {
    public static final String PROVIDER = "google";

    private final boolean enabled;

    GoogleSignIn(BeanContext beans) {
        this.enabled = beans.containsBean(OauthClient.class, Qualifiers.byName(PROVIDER));
    }

    /** True when {@code GOOGLE_CLIENT_ID} and {@code GOOGLE_CLIENT_SECRET} are set. */
    public boolean isEnabled() {
        return enabled;
    }

    /** The path that starts a Google sign-in returning to {@code next}. */
    public String startPath(String next) {
        return "/signin/google?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** The sentence shown on the sign-in page for a failure code of the Google flow. */
    public static String messageFor(String code, University university) {
        return switch (code) {
            case "domain_not_allowed" ->
                "That Google account's address cannot sign in to " + university.name()
                        + ". Students: use your university Google account, or get a code by email below.";
            case "email_not_verified" ->
                "Google has not verified that account's email address. " + "Get a code by email below instead.";
            case "google_account_conflict" ->
                "This address is already linked to a different Google account. " + "Get a code by email below instead.";
            default -> "Google sign-in did not complete. Please try again, or get a code by email below.";
        };
    }
}
