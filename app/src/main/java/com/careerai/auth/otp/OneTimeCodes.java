package com.careerai.auth.otp;

import com.careerai.auth.EmailAddresses;
import com.careerai.auth.RateLimiter;
import com.careerai.auth.SignInException;
import com.careerai.auth.SignInService;
import com.careerai.auth.User;
import com.careerai.notifications.Mail;
import com.careerai.notifications.MailTemplate;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Email one-time codes: "send me a code" and "here is my code". Inputs are checked before
 * anything is written; every answer is the same whether or not the address has an account.
 */
@Singleton
class OneTimeCodes {
    private static final Pattern SIX_DIGITS = Pattern.compile("^[0-9]{6}$");

    private final CodeStore codes;
    private final RateLimiter rateLimiter;
    private final SignInService signIns;
    private final Mail mail;
    private final OtpConfiguration configuration;

    OneTimeCodes(
            CodeStore codes,
            RateLimiter rateLimiter,
            SignInService signIns,
            Mail mail,
            OtpConfiguration configuration) {
        this.codes = codes;
        this.rateLimiter = rateLimiter;
        this.signIns = signIns;
        this.mail = mail;
        this.configuration = configuration;
    }

    /** Emails a new code to {@code rawEmail}; returns the normalised address. */
    String request(University university, @Nullable String rawEmail, String clientAddress) {
        return issue(university, rawEmail, clientAddress, true);
    }

    /**
     * Emails a code that proves an address without signing in with it (anyone may register with
     * any address, e.g. a counsellor applying); same store, lifetime and rate limits as sign-in.
     */
    String requestProof(University university, @Nullable String rawEmail, String clientAddress) {
        return issue(university, rawEmail, clientAddress, false);
    }

    private String issue(University university, @Nullable String rawEmail, String clientAddress, boolean forSignIn) {
        String email = EmailAddresses.parse(rawEmail);
        rateLimiter.hit(
                "otp-request-ip",
                clientAddress,
                configuration.requestsPerIpLimit(),
                "Too many sign-in codes were requested from your network. Try again in %s.");
        if (forSignIn) {
            signIns.checkMaySignIn(university, email);
        }
        rateLimiter.hit(
                "otp-request-email",
                university.id() + ":" + email,
                configuration.requestsPerEmailLimit(),
                "Too many codes were sent to this address. Use the latest one, or try again in %s.");
        String code = codes.issue(university.id(), email);
        mail.send(
                university.id(),
                email,
                MailTemplate.SIGN_IN_CODE,
                Map.of("minutes", Long.toString(configuration.getCodeValidity().toMinutes())),
                Map.of("code", code));
        return email;
    }

    /** Checks the code and signs the user in (creating them at their first sign-in). */
    User verify(University university, @Nullable String rawEmail, @Nullable String rawCode, String clientAddress) {
        String email = check(university, rawEmail, rawCode, clientAddress, true);
        return signIns.completeEmailSignIn(university, email);
    }

    /** Checks a code sent by {@link #requestProof}; returns the proven address, signing nobody in. */
    String prove(University university, @Nullable String rawEmail, @Nullable String rawCode, String clientAddress) {
        return check(university, rawEmail, rawCode, clientAddress, false);
    }

    private String check(
            University university,
            @Nullable String rawEmail,
            @Nullable String rawCode,
            String clientAddress,
            boolean forSignIn) {
        String email = EmailAddresses.parse(rawEmail);
        String code = parseCode(rawCode);
        rateLimiter.hit(
                "otp-verify-ip",
                clientAddress,
                configuration.verificationsPerIpLimit(),
                "Too many sign-in attempts from your network. Try again in %s.");
        rateLimiter.hit(
                "otp-verify-email",
                university.id() + ":" + email,
                configuration.verificationsPerEmailLimit(),
                "Too many sign-in attempts for this address. Try again in %s.");
        if (forSignIn) {
            signIns.checkMaySignIn(university, email);
        }
        CodeStore.Outcome outcome = codes.check(university.id(), email, code);
        if (outcome instanceof CodeStore.Outcome.Accepted) {
            return email;
        }
        throw refusal(university, outcome);
    }

    private static String parseCode(@Nullable String raw) {
        String code = raw == null ? "" : raw.strip().replace(" ", "");
        if (code.length() > 32 || !SIX_DIGITS.matcher(code).matches()) {
            throw new SignInException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "invalid_code",
                    "Enter the 6-digit code from the email (digits only).",
                    "code");
        }
        return code;
    }

    private SignInException refusal(University university, CodeStore.Outcome outcome) {
        String minutes = Long.toString(configuration.getCodeValidity().toMinutes());
        if (outcome instanceof CodeStore.Outcome.Wrong wrong) {
            String rest = wrong.triesLeft() == 0
                    ? "That was the last try for this code: ask for a new one."
                    : wrong.triesLeft() == 1
                            ? "You have 1 more try."
                            : "You have " + wrong.triesLeft() + " more tries.";
            return new SignInException(
                    HttpStatus.UNAUTHORIZED, "code_incorrect", "That code is not right. " + rest, "code");
        }
        if (outcome instanceof CodeStore.Outcome.Expired) {
            return new SignInException(
                    HttpStatus.UNAUTHORIZED,
                    "code_expired",
                    "This code has expired (codes work for " + minutes + " minutes). Ask for a new one.",
                    "code");
        }
        if (outcome instanceof CodeStore.Outcome.AlreadyUsed) {
            return new SignInException(
                    HttpStatus.UNAUTHORIZED,
                    "code_used",
                    "This code has already been used. Ask for a new one to sign in again.",
                    "code");
        }
        if (outcome instanceof CodeStore.Outcome.Locked) {
            return new SignInException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too_many_attempts",
                    "Too many wrong codes: this code no longer works. Ask for a new one.",
                    "code");
        }
        return new SignInException(
                HttpStatus.UNAUTHORIZED,
                "no_code",
                "No code was sent to this address for " + university.name()
                        + ". A code works only on the site of the university where you asked for it: ask for a new one here.",
                "code");
    }
}
