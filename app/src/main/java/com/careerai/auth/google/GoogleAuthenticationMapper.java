package com.careerai.auth.google;

import com.careerai.auth.EmailAddresses;
import com.careerai.auth.SignInException;
import com.careerai.auth.SignInService;
import com.careerai.auth.User;
import com.careerai.platform.config.CareerAiConfiguration;
import com.careerai.platform.data.UniversityScope;
import com.careerai.tenancy.HostName;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityDirectory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Turns Google's validated ID token (signature, issuer, audience and nonce already checked by
 * Micronaut Security; the state by its state validator) into one of our users: only an
 * {@code email_verified} address that may sign in to the university whose host the flow started
 * on. The university comes from the redirect URI recorded in the validated state, which is built
 * from that host.
 */
@Singleton
@Named(GoogleSignIn.PROVIDER)
class GoogleAuthenticationMapper implements OpenIdAuthenticationMapper {
    static final String ATTRIBUTE_UNIVERSITY_ID = "universityId";
    static final String ATTRIBUTE_USER_ID = "userId";
    private static final Logger LOG = LoggerFactory.getLogger(GoogleAuthenticationMapper.class);

    private final SignInService signIns;
    private final UniversityDirectory universities;
    private final CareerAiConfiguration configuration;
    private final Scheduler blocking;

    GoogleAuthenticationMapper(
            SignInService signIns,
            UniversityDirectory universities,
            CareerAiConfiguration configuration,
            @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.signIns = signIns;
        this.universities = universities;
        this.configuration = configuration;
        this.blocking = Schedulers.fromExecutorService(executor);
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(
            String providerName, OpenIdTokenResponse tokenResponse, OpenIdClaims claims, @Nullable State state) {
        return Mono.fromCallable(() -> map(claims, state)).subscribeOn(blocking);
    }

    private AuthenticationResponse map(OpenIdClaims claims, @Nullable State state) {
        Optional<University> university = universityOf(state);
        if (university.isEmpty()) {
            return AuthenticationResponse.failure("google_failed");
        }
        // The sign-in began on one university's host; its callback must arrive on the same one.
        Optional<UniversityScope> host = UniversityScope.current();
        if (host.isPresent() && host.get().universityId() != university.get().id()) {
            LOG.info(
                    "Google sign-in of {} came back on another university's host",
                    university.get().subdomain());
            return AuthenticationResponse.failure("google_failed");
        }
        if (!Boolean.TRUE.equals(claims.isEmailVerified()) || claims.getEmail() == null) {
            return AuthenticationResponse.failure("email_not_verified");
        }
        try {
            String email = EmailAddresses.parse(claims.getEmail());
            Object hostedDomain = claims.get("hd");
            User user = signIns.completeGoogleSignIn(
                    university.get(),
                    claims.getSubject(),
                    email,
                    hostedDomain instanceof String hd ? hd : null,
                    claims.getName());
            return AuthenticationResponse.success(
                    Long.toString(user.id()),
                    List.of(user.role().name()),
                    Map.of(ATTRIBUTE_UNIVERSITY_ID, user.universityId(), ATTRIBUTE_USER_ID, user.id()));
        } catch (SignInException refused) {
            LOG.info("Google sign-in refused at {}: {}", university.get().subdomain(), refused.code());
            return AuthenticationResponse.failure(refused.code());
        }
    }

    private Optional<University> universityOf(@Nullable State state) {
        URI redirectUri = state == null ? null : state.getRedirectUri();
        if (redirectUri == null || redirectUri.getHost() == null) {
            return Optional.empty();
        }
        if (HostName.parse(redirectUri.getHost(), configuration.getBaseDomain()) instanceof HostName.Tenant tenant) {
            return universities.findBySubdomain(tenant.subdomain()).filter(found -> !found.isSuspended());
        }
        return Optional.empty();
    }
}
