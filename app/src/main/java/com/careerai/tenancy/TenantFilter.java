package com.careerai.tenancy;

import com.careerai.platform.config.CareerAiConfiguration;
import com.careerai.platform.data.UniversityScope;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Resolves the university from the Host header, once per request, before security runs, and binds
 * it ({@link UniversityScope}) for every database connection the request uses. The Host is the only
 * input: no header, cookie or parameter can choose another tenant. A university in this node's cache
 * is answered on the event loop without changing threads; only a miss reads the database, on the
 * blocking pool.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class TenantFilter implements Ordered {
    /** Paths served the same on every host (load balancers call health by IP). */
    private static final List<String> HOST_INDEPENDENT = List.of("/health", "/static/", "/openapi.yml", "/favicon");
    /** What the bare base domain serves besides the landing page. */
    private static final List<String> ROOT_PATHS = List.of("/webhooks/");
    /** The platform's own public pages on the bare base domain (served by the site feature). */
    private static final List<String> ROOT_PAGES =
            List.of("/about", "/pricing", "/faq", "/privacy", "/terms", "/contact");

    private final UniversityDirectory directory;
    private final CareerAiConfiguration configuration;
    private final Scheduler blocking;

    TenantFilter(
            UniversityDirectory directory,
            CareerAiConfiguration configuration,
            @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor) {
        this.directory = directory;
        this.configuration = configuration;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @RequestFilter
    public Publisher<MutableHttpResponse<?>> resolve(
            HttpRequest<?> request,
            MutablePropagatedContext context,
            FilterContinuation<Publisher<MutableHttpResponse<?>>> continuation) {
        String path = request.getPath();
        if (startsWithAny(path, HOST_INDEPENDENT)) {
            return continuation.proceed();
        }
        HostName host = HostName.parse(request.getHeaders().get(HttpHeaders.HOST), configuration.getBaseDomain());
        if (host instanceof HostName.Root) {
            if (path.equals("/") || ROOT_PAGES.contains(path) || startsWithAny(path, ROOT_PATHS)) {
                return continuation.proceed();
            }
            throw new UnknownTenantException();
        }
        if (host instanceof HostName.Tenant tenant) {
            Optional<Optional<University>> cached = directory.cached(tenant.subdomain());
            if (cached.isPresent()) {
                admit(request, context, cached.get());
                return continuation.proceed();
            }
            return Mono.fromCallable(() -> directory.findBySubdomain(tenant.subdomain()))
                    .subscribeOn(blocking)
                    .flatMap(found -> {
                        admit(request, context, found);
                        return Mono.from(continuation.proceed());
                    });
        }
        throw new UnknownTenantException();
    }

    /** Serves the request as {@code found}'s, or refuses it; binds the university for the database. */
    private static void admit(HttpRequest<?> request, MutablePropagatedContext context, Optional<University> found) {
        University university = found.orElseThrow(UnknownTenantException::new);
        if (university.isSuspended()) {
            throw new SuspendedTenantException(university.name());
        }
        request.setAttribute(Tenants.ATTRIBUTE, university);
        context.add(new UniversityScope(university.id()));
    }

    private static boolean startsWithAny(String path, List<String> prefixes) {
        for (String prefix : prefixes) { // every request passes here: no stream and lambda each time
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SESSION.before();
    }
}
