package com.careerai.auth.session;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.StudentActivity;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.redis.PrefetchedSnapshots;
import com.careerai.platform.web.RequestExecutor;
import com.careerai.tenancy.Tenants;
import com.careerai.tenancy.University;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Authenticates a request from its session cookie or {@code Authorization: Bearer} token. A
 * session is accepted only on the host of the university it was opened for. The session and its
 * user's row come from Redis in one round trip ({@link UserSnapshots}); only a missing snapshot
 * reads the row from the database (and keeps it for the next requests). On a {@code PersonalPage}
 * the same round trip brings the person's own snapshots ({@link PrefetchedSnapshots}, ADR 0072). The
 * check runs on the {@link RequestExecutor}, so that a controller on it runs on the same pool thread
 * (ADR 0073).
 */
@Singleton
class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    /** Request attribute holding the raw session token of a cookie-authenticated request. */
    static final String COOKIE_SESSION_TOKEN = "careerai.session.cookie-token";

    static final String ATTRIBUTE_USER = "user";
    static final String ATTRIBUTE_SESSION_ID = "sessionId";
    static final String ATTRIBUTE_VIA = "via";

    private final UserSnapshots snapshots;
    private final SessionConfiguration configuration;
    private final UserAccounts users;
    private final Scheduler blocking;
    private final StudentActivity activity;
    private final PrefetchedSnapshots prefetched;

    SessionAuthenticationFetcher(
            UserSnapshots snapshots,
            SessionConfiguration configuration,
            UserAccounts users,
            @Named(RequestExecutor.NAME) ExecutorService executor,
            StudentActivity activity,
            PrefetchedSnapshots prefetched) {
        this.activity = activity;
        this.prefetched = prefetched;
        this.snapshots = snapshots;
        this.configuration = configuration;
        this.users = users;
        this.blocking = Schedulers.fromExecutorService(executor);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<University> university = Tenants.current(request);
        if (university.isEmpty()) {
            return Mono.empty();
        }
        Optional<String> bearer = bearerToken(request);
        Optional<String> cookie =
                request.getCookies().findCookie(configuration.cookieName()).map(Cookie::getValue);
        if (bearer.isEmpty() && cookie.isEmpty()) {
            return Mono.empty();
        }
        String token = bearer.orElseGet(cookie::get);
        String via = bearer.isPresent() ? "bearer" : "cookie";
        long universityId = university.get().id();
        return Mono.fromCallable(() -> authenticate(request, token, via, universityId))
                .subscribeOn(blocking)
                .flatMap(Mono::justOrEmpty);
    }

    private Optional<Authentication> authenticate(HttpRequest<?> request, String token, String via, long universityId) {
        // a page that shows the person's own snapshots has them read with the session (ADR 0072)
        List<String> personal = prefetched.wantedBy(request) ? prefetched.arguments() : List.of();
        return snapshots
                .find(token, personal)
                .filter(found -> found.session().universityId() == universityId)
                .flatMap(found -> userOf(request, found).filter(User::active).map(user -> {
                    prefetched.keep(request, universityId, found.session().userId(), found.personal());
                    if (via.equals("cookie")) {
                        request.setAttribute(COOKIE_SESSION_TOKEN, token);
                    }
                    if (user.role() == Role.STUDENT) {
                        activity.seen(universityId, user.id());
                    }
                    SignedInUser signedIn = SignedInUser.of(user);
                    return Authentication.build(
                            Long.toString(user.id()),
                            List.of(user.role().name()),
                            Map.of(
                                    ATTRIBUTE_USER,
                                    signedIn,
                                    ATTRIBUTE_SESSION_ID,
                                    found.session().id(),
                                    ATTRIBUTE_VIA,
                                    via));
                }));
    }

    /** The session's user: Redis' snapshot (then this request's read of the row), else the database's row, kept. */
    private Optional<User> userOf(HttpRequest<?> request, UserSnapshots.Found found) {
        if (found.user() != null) {
            return Optional.of(users.remember(request, found.user()));
        }
        Optional<User> row = users.find(
                request, found.session().universityId(), found.session().userId());
        row.ifPresent(user -> snapshots.keep(found, user));
        return row;
    }

    private static Optional<String> bearerToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).trim());
        }
        return Optional.empty();
    }
}
