package com.careerai.auth;

import com.careerai.platform.web.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

/**
 * The "verified user required" guard for endpoints that spend credits or act on a person's
 * behalf (the AI tools): call {@code VerifiedUsers.require(user)} first in such an endpoint. An
 * anonymous caller gets 401 {@code unauthorized}, an unverified one 403 {@code email_not_verified},
 * each with a message saying what to do, as a page or JSON.
 */
public final class VerifiedUsers {
    private VerifiedUsers() {}

    /** Returns {@code user} when signed in with a verified address; throws otherwise. */
    public static SignedInUser require(@Nullable SignedInUser user) {
        if (user == null) {
            throw new NotSignedInException();
        }
        if (!user.emailVerified()) {
            throw new EmailNotVerifiedException();
        }
        return user;
    }

    /** 401: nobody is signed in. */
    public static final class NotSignedInException extends ProblemException {
        private static final long serialVersionUID = 1L;

        NotSignedInException() {
            super(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in with your university email to use this.");
        }
    }

    /** 403: signed in, but the address was never proven (e.g. an account created before its first sign-in). */
    public static final class EmailNotVerifiedException extends ProblemException {
        private static final long serialVersionUID = 1L;

        EmailNotVerifiedException() {
            super(
                    HttpStatus.FORBIDDEN,
                    "email_not_verified",
                    "Confirm your email address first: sign out, then sign in with a code sent to your email.");
        }
    }
}
