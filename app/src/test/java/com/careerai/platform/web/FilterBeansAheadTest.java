package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.testing.IntegrationTest;
import com.careerai.testing.RawHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.operations.JdbcRepositoryOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The filters every request passes through are made as the node starts, not inside its first
 * request on the event loop (issue 19, ADR 0081). No request is sent before the check: Micronaut
 * alone makes a filter only when a request first needs it.
 */
@MicronautTest(transactional = false)
class FilterBeansAheadTest extends IntegrationTest {
    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Test
    void theFiltersAndWhatTheyHoldAreMadeBeforeAnyRequest() throws ClassNotFoundException {
        Class<?> tenantFilter = Class.forName("com.careerai.tenancy.TenantFilter");
        Class<?> csrfFilter = Class.forName("com.careerai.auth.session.CsrfFilter");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(context.getActiveBeanRegistrations(SecurityFilter.class)).hasSize(1);
            assertThat(context.getActiveBeanRegistrations(tenantFilter)).hasSize(1);
            assertThat(context.getActiveBeanRegistrations(csrfFilter)).hasSize(1);
            assertThat(context.getActiveBeanRegistrations(SecurityHeadersFilter.class))
                    .hasSize(1);
            // the session check's user store brings Micronaut Data's JDBC operations with it
            assertThat(context.getActiveBeanRegistrations(JdbcRepositoryOperations.class))
                    .isNotEmpty();
        });

        // and a request passes through the filters made on that thread
        assertThat(RawHttp.get(server.getPort(), "/health", "Host: 10.0.0.7:8080", "application/json")
                        .status())
                .isEqualTo(200);
    }
}
