package com.careerai.auth;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and normalises the email addresses people type to sign in. */
public final class EmailAddresses {
    /** RFC 5321 limit of a forward path. */
    public static final int MAX_LENGTH = 254;

    private static final Pattern LOCAL_PART =
            Pattern.compile("^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$");
    private static final Pattern DOMAIN =
            Pattern.compile("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$");

    private EmailAddresses() {}

    /**
     * The normalised (trimmed, lower-case) address.
     *
     * @throws SignInException 422 {@code invalid_email} naming what is wrong
     */
    public static String parse(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            throw SignInException.invalidEmail("Enter your email address.");
        }
        if (raw.length() > MAX_LENGTH + 20) {
            throw SignInException.invalidEmail("An email address has at most " + MAX_LENGTH + " characters.");
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_LENGTH) {
            throw SignInException.invalidEmail("An email address has at most " + MAX_LENGTH + " characters.");
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
            throw SignInException.invalidEmail("Enter a whole email address, like name@university.edu.");
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.length() > 64
                || !LOCAL_PART.matcher(local).matches()
                || !DOMAIN.matcher(domain).matches()) {
            throw SignInException.invalidEmail("That does not look like an email address. Check it for typos.");
        }
        return email;
    }

    /** The domain of an already parsed address. */
    public static String domainOf(String email) {
        return email.substring(email.indexOf('@') + 1);
    }
}
