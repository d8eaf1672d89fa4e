package com.careerai.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.platform.embedded.AppDatabaseRoles;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestMailServer;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * onboard queues the staff invitations' emails; a worker node of the app (same database) sends them
 * over SMTP — the operator's tool never needs a mail server of its own.
 */
class InvitationEmailTest extends TenantAdminTest {
    private final TestMailServer mail = TestMailServer.start();
    private ApplicationContext worker;

    @AfterAll
    void stopWorker() {
        if (worker != null) {
            worker.close();
        }
        mail.close();
    }

    @Test
    void onboardedStaffReceiveTheirInvitationEmail() {
        Result result = run(
                "onboard",
                "--name",
                "Invited University",
                "--subdomain",
                "invited",
                "--domains",
                "invited.edu",
                "--silver",
                "10",
                "--gold",
                "1",
                "--staff",
                "alice@invited.edu,bob@partner.org");
        assertThat(result.exitCode()).as(result.err()).isZero();

        Map<String, Object> properties = new HashMap<>(mail.properties());
        properties.put("datasources.default.url", env.get("DATABASE_URL"));
        properties.put("datasources.default.username", AppDatabaseRoles.APP_LOGIN);
        properties.put("datasources.default.password", AppDatabaseRoles.APP_PASSWORD);
        properties.put("careerai.database.migrate", false);
        properties.put("careerai.redis.url", env.get("REDIS_URL"));
        properties.putAll(overrides);
        properties.put("careerai.base-domain", IntegrationTest.BASE_DOMAIN);
        properties.put("careerai.roles", "worker");
        worker = ApplicationContext.run(properties, "test");

        String alice = TestMailServer.text(mail.awaitNext("alice@invited.edu"));
        assertThat(alice)
                .contains("Invited University")
                .contains("invited." + IntegrationTest.BASE_DOMAIN)
                .contains("/signin");
        assertThat(TestMailServer.text(mail.awaitNext("bob@partner.org"))).contains("Invited University");
    }
}
