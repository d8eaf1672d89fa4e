package com.careerai.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.testing.IntegrationTest;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two processes on one database and Redis, as a web node and tenant-admin are: a change made in
 * one evicts the other's cache at once, although that cache would trust its copy for an hour.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UniversityChangeBroadcastTest {
    private ApplicationContext node;
    private ApplicationContext operator;

    @BeforeAll
    void start() {
        Map<String, String> properties = new HashMap<>(IntegrationTest.baseProperties());
        properties.put("careerai.tenant-cache-ttl", "1h");
        node = ApplicationContext.run(Map.copyOf(properties));
        properties.put("careerai.tenancy.listen-for-changes", "false");
        operator = ApplicationContext.run(Map.copyOf(properties));
        UniversityChangeListener listener = node.getBean(UniversityChangeListener.class);
        await().atMost(Duration.ofSeconds(10)).until(listener::isListening);
    }

    @AfterAll
    void stop() {
        operator.close();
        node.close();
    }

    @Test
    void aSuspensionInAnotherProcessEvictsThisNodesCache() {
        operator.getBean(UniversityAdministration.class)
                .create(new NewUniversity("Elsewhere", "elsewhere", List.of("elsewhere.edu"), 0, 0, "", null), "t");
        UniversityDirectory directory = node.getBean(UniversityDirectory.class);
        assertThat(directory.findBySubdomain("elsewhere"))
                .get()
                .extracting(University::isSuspended)
                .isEqualTo(false);

        operator.getBean(UniversityAdministration.class).suspend("elsewhere", "test", "t");

        await().atMost(Duration.ofSeconds(10)).until(() -> directory
                .findBySubdomain("elsewhere")
                .map(University::isSuspended)
                .orElse(false));
    }

    @Test
    void aUniversityCreatedInAnotherProcessReplacesACachedNotFound() {
        UniversityDirectory directory = node.getBean(UniversityDirectory.class);
        assertThat(directory.findBySubdomain("newcomer")).isEmpty();

        operator.getBean(UniversityAdministration.class)
                .create(new NewUniversity("Newcomer", "newcomer", List.of("newcomer.edu"), 0, 0, "", null), "t");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> directory.findBySubdomain("newcomer").isPresent());
    }

    @Test
    void tenantAdminsContextDoesNotListen() {
        assertThat(operator.findBean(UniversityChangeListener.class)).isEmpty();
    }
}
