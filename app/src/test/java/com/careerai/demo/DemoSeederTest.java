package com.careerai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.Role;
import com.careerai.auth.UserAccounts;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.testing.IntegrationTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class DemoSeederTest extends IntegrationTest {
    @Inject
    UniversityAdministration universities;

    @Inject
    UserAccounts users;

    @Inject
    ApplicationContext context;

    @Inject
    ApplicationEventPublisher<StartupEvent> startupEvents;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.demo", "true");
    }

    @Test
    void demoUniversityIsSeededOnceWithItsStaffAndCounsellor() {
        // the context already seeded once at start-up; a second start must change nothing
        startupEvents.publishEvent(new StartupEvent(context));
        University demo = universities.findBySubdomain("demo").orElseThrow();
        assertThat(demo.name()).isEqualTo("Demo University");
        assertThat(demo.allowedDomains()).isEqualTo(List.of("demo.edu"));
        assertThat(demo.defaultSilver()).isEqualTo(20);
        assertThat(demo.defaultGold()).isEqualTo(3);
        assertThat(users.findByEmail(demo.id(), "staff@demo.edu"))
                .get()
                .extracting(u -> u.role())
                .isEqualTo(Role.STAFF);
        assertThat(users.findByEmail(demo.id(), "COACH@demo.edu"))
                .get()
                .extracting(u -> u.role())
                .isEqualTo(Role.COUNSELLOR);
    }
}
