package com.careerai.auth;

import com.careerai.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/**
 * Why a sign-in step was refused: a stable code, the status, and the form field the message
 * belongs beside (pages show it there, the API returns it in {@code fields}).
 */
public class SignInException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final @Nullable String field;

    public SignInException(HttpStatus status, String code, String message, @Nullable String field) {
        super(status, code, message);
        this.field = field;
    }

    public @Nullable String field() {
        return field;
    }

    @Override
    public Map<String, String> fields() {
        return field == null ? Map.of() : Map.of(field, getMessage());
    }

    public static SignInException invalidEmail(String message) {
        return new SignInException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_email", message, "email");
    }

    public static SignInException domainNotAllowed(String universityName, java.util.List<String> allowedDomains) {
        String domains = allowedDomains.isEmpty()
                ? "your university address"
                : "an @" + String.join(" or @", allowedDomains) + " address";
        return new SignInException(
                HttpStatus.FORBIDDEN,
                "domain_not_allowed",
                "Students of " + universityName + " sign in with " + domains
                        + ". Staff and counsellors: use the address your invitation was sent to.",
                "email");
    }

    public static SignInException deactivated(String universityName) {
        return new SignInException(
                HttpStatus.FORBIDDEN,
                "account_deactivated",
                "Your account at " + universityName
                        + " has been deactivated by the careers service. Contact them if you need it back.",
                "email");
    }
}
