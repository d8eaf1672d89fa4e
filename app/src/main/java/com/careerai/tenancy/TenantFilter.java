package com.careerai.tenancy;

import com.careerai.platform.config.CareerAiConfiguration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/**
 * Resolves the university from the Host header, once per request, before security runs. The
 * Host is the only input: no header, cookie or parameter can choose another tenant.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class TenantFilter implements Ordered {
    /** Paths served the same on every host (load balancers call health by IP). */
    private static final List<String> HOST_INDEPENDENT = List.of("/health", "/static/", "/openapi.yml", "/favicon");
    /** What the bare base domain serves besides the landing page. */
    private static final List<String> ROOT_PATHS = List.of("/webhooks/");

    private final UniversityDirectory directory;
    private final CareerAiConfiguration configuration;

    TenantFilter(UniversityDirectory directory, CareerAiConfiguration configuration) {
        this.directory = directory;
        this.configuration = configuration;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpRequest<?> resolve(HttpRequest<?> request) {
        String path = request.getPath();
        if (startsWithAny(path, HOST_INDEPENDENT)) {
            return null;
        }
        HostName host = HostName.parse(request.getHeaders().get(HttpHeaders.HOST), configuration.getBaseDomain());
        if (host instanceof HostName.Root) {
            if (path.equals("/") || startsWithAny(path, ROOT_PATHS)) {
                return null;
            }
            throw new UnknownTenantException();
        }
        if (host instanceof HostName.Tenant tenant) {
            University university =
                    directory.findBySubdomain(tenant.subdomain()).orElseThrow(UnknownTenantException::new);
            if (university.isSuspended()) {
                throw new SuspendedTenantException(university.name());
            }
            request.setAttribute(Tenants.ATTRIBUTE, university);
            return null;
        }
        throw new UnknownTenantException();
    }

    private static boolean startsWithAny(String path, List<String> prefixes) {
        return prefixes.stream().anyMatch(path::startsWith);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SESSION.before();
    }
}
