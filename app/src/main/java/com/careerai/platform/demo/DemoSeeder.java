package com.careerai.platform.demo;

import com.careerai.auth.Role;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.NewUniversity;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Seeds the demo university when {@code CAREERAI_DEMO=true}; running it again changes nothing. */
@Singleton
@Requires(property = "careerai.demo", value = "true")
class DemoSeeder {
    static final String SUBDOMAIN = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final UniversityAdministration universities;
    private final UserAccounts users;
    private final UnitOfWork units;

    DemoSeeder(UniversityAdministration universities, UserAccounts users, UnitOfWork units) {
        this.units = units;
        this.universities = universities;
        this.users = users;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        University demo = universities.createIfAbsent(
                new NewUniversity("Demo University", SUBDOMAIN, List.of("demo.edu"), 20, 3, "#6D28D9", null));
        units.runInUniversity(demo.id(), () -> {
            users.ensure(demo.id(), "staff@demo.edu", "Dana Staff", Role.STAFF);
            users.ensure(demo.id(), "coach@demo.edu", "Casey Coach", Role.COUNSELLOR);
        });
        LOG.info(
                "Demo university ready: {} (sign in as a @demo.edu student, staff@demo.edu or coach@demo.edu)",
                demo.name());
    }
}
