package com.careerai.platform.redis;

import com.careerai.platform.web.PersonalPage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed-in person's snapshots ({@link PersonalSnapshot} beans) read by the session check's own
 * script, so that a {@link PersonalPage} (the student home) makes one Redis round trip where it made
 * one for the session and one per snapshot (issue 19, ADR 0072). The session's script runs
 * {@link #LUA}'s {@code personal(session, first)} with {@link #arguments()} from ARGV[first]; the
 * answers are kept on the request ({@link #keep}) and {@link StampedSnapshots#find} takes each
 * instead of asking Redis. An answer is what {@code find} would have read at that moment: its stamps
 * were read before any database read of the request, so a value loaded after a miss is kept only if
 * no write came since (the same check as without the prefetch); a writer in the request
 * ({@link StampedSnapshots#changed}) drops the request's answer for that key.
 */
@Singleton
public class PrefetchedSnapshots {
    /**
     * Lua: {@code personal(session, first)}, for the session's value {@code <university>:<person>},
     * {@code find} of each snapshot named in ARGV from {@code first}: its number of keys, the person's
     * key before {@code <university>:<person>}, then each guard's before {@code <university>}.
     */
    public static final String LUA = StampedSnapshots.FIND_FUNCTION
            + """
            local function personal(session, first)
                local university = string.match(session, '^[^:]*')
                local found, i = {}, first
                while i <= #ARGV do
                    local count = tonumber(ARGV[i])
                    local keys = {ARGV[i + 1] .. session}
                    for g = 2, count do keys[g] = ARGV[i + g] .. university end
                    found[#found + 1] = find(keys)
                    i = i + count + 1
                end
                return found
            end
            """;

    private static final String ATTRIBUTE = "careerai.snapshots.prefetched";

    private final List<PersonalSnapshot> snapshots;
    private final StampedSnapshots stamped;
    private final List<String> arguments;

    PrefetchedSnapshots(List<PersonalSnapshot> snapshots, StampedSnapshots stamped) {
        this.snapshots = List.copyOf(snapshots);
        this.stamped = stamped;
        List<String> arguments = new ArrayList<>();
        for (PersonalSnapshot snapshot : this.snapshots) {
            arguments.add(Integer.toString(1 + snapshot.guards().size()));
            arguments.add(stamped.key(snapshot.name()));
            snapshot.guards().forEach(guard -> arguments.add(stamped.key(guard)));
        }
        this.arguments = List.copyOf(arguments);
    }

    /** Whether {@code request} is a {@link PersonalPage}'s GET (or HEAD): only those pay for the snapshots. */
    public boolean wantedBy(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        return !snapshots.isEmpty()
                && (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && RouteAttributes.getRouteMatch(request)
                        .map(route -> route.getAnnotationMetadata().hasAnnotation(PersonalPage.class))
                        .orElse(false);
    }

    /** The ARGV that {@link #LUA}'s {@code personal} reads: every snapshot's key names. */
    public List<String> arguments() {
        return arguments;
    }

    /**
     * Keeps on {@code request} what {@code personal} answered for this person (in the order of
     * {@link #arguments()}), for {@link StampedSnapshots#find}. The caller has checked that the
     * session is this request's university's.
     */
    public void keep(HttpRequest<?> request, long universityId, long userId, List<?> answers) {
        if (answers.size() != snapshots.size()) {
            return; // not asked for, or another node's shape: every read asks Redis itself
        }
        Map<List<String>, StampedSnapshots.Found> kept = new ConcurrentHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            kept.put(stamped.keys(snapshots.get(i), universityId, userId), StampedSnapshots.found(answers.get(i)));
        }
        request.setAttribute(ATTRIBUTE, kept);
    }

    /** The current request's prefetched answer for {@code keys}, once; else null (ask Redis). */
    static StampedSnapshots.@Nullable Found take(List<String> keys) {
        return kept().map(kept -> kept.remove(keys)).orElse(null);
    }

    /** Drops the current request's prefetched answers that read {@code key}: it was just written. */
    static void forget(String key) {
        kept().ifPresent(kept -> kept.keySet().removeIf(keys -> keys.contains(key)));
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<List<String>, StampedSnapshots.Found>> kept() {
        return ServerRequestContext.currentRequest()
                .flatMap(request -> request.getAttribute(ATTRIBUTE))
                .map(kept -> (Map<List<String>, StampedSnapshots.Found>) kept);
    }
}
