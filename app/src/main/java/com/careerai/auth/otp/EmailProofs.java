package com.careerai.auth.otp;

import com.careerai.auth.SignInException;
import com.careerai.tenancy.University;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Proving an email address with the sign-in code, for features that must know an address is real
 * before they accept something from it without signing anyone in (a counsellor's registration on
 * {@code /counsellors/apply}). Same codes, lifetime, tries and rate limits as sign-in; the
 * university's student domains do not apply.
 */
@Singleton
public class EmailProofs {
    private final OneTimeCodes codes;

    EmailProofs(OneTimeCodes codes) {
        this.codes = codes;
    }

    /**
     * Emails a 6-digit code to the address; returns it normalised.
     *
     * @throws SignInException 422 for an invalid address, 429 when rate-limited
     */
    public String sendCode(University university, @Nullable String email, String clientAddress) {
        return codes.requestProof(university, email, clientAddress);
    }

    /**
     * Checks the code emailed to the address; returns the address, now proven.
     *
     * @throws SignInException naming the {@code code} field when the code is wrong, expired, used or locked
     */
    public String confirm(University university, @Nullable String email, @Nullable String code, String clientAddress) {
        return codes.prove(university, email, code, clientAddress);
    }
}
