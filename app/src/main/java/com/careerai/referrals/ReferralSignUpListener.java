package com.careerai.referrals;

import com.careerai.auth.ClientAddresses;
import com.careerai.auth.Role;
import com.careerai.auth.UserSignedUp;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * A student who signs up (every sign-up is a verified address: a code was entered or Google
 * vouched for it) in a browser that followed a referral link is recorded as that link's referee,
 * in the sign-up's own transaction. The code comes from the cookie {@code /join} set on this
 * university's host; the address from {@link ClientAddresses}.
 */
@Singleton
@Requires(classes = HttpRequest.class)
class ReferralSignUpListener {
    private final Referrals referrals;
    private final ClientAddresses addresses;

    ReferralSignUpListener(Referrals referrals, ClientAddresses addresses) {
        this.referrals = referrals;
        this.addresses = addresses;
    }

    @EventListener
    void onUserSignedUp(UserSignedUp event) {
        if (event.role() != Role.STUDENT) {
            return;
        }
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        if (request.isEmpty()) {
            return;
        }
        Optional<String> code = request.get()
                .getCookies()
                .findCookie(JoinController.COOKIE)
                .map(Cookie::getValue)
                .filter(Referrals::isWellFormed);
        if (code.isPresent()) {
            referrals.recordSignUp(
                    event.universityId(), event.userId(), code.get(), addresses.of(request.get()), Instant.now());
        }
    }
}
