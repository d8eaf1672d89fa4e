package com.careerai.demo;

import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.NewUniversity;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo university when {@code CAREERAI_DEMO=true}: creates it through tenancy's public
 * service, then runs each feature's {@link DemoSeedStep} bound to it. Running it again changes nothing.
 */
@Singleton
@Requires(property = "careerai.demo", value = "true")
class DemoSeeder {
    static final String SUBDOMAIN = "demo";
    static final String EMAIL_DOMAIN = "demo.edu";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final UniversityAdministration universities;
    private final List<DemoSeedStep> steps;
    private final UnitOfWork units;

    DemoSeeder(UniversityAdministration universities, List<DemoSeedStep> steps, UnitOfWork units) {
        this.units = units;
        this.universities = universities;
        this.steps = new ArrayList<>(steps);
        this.steps.sort(OrderUtil.COMPARATOR);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        University university = universities.createIfAbsent(
                new NewUniversity("Demo University", SUBDOMAIN, List.of(EMAIL_DOMAIN), 20, 3, "#6D28D9", null));
        DemoUniversity demo =
                new DemoUniversity(university.id(), university.name(), university.subdomain(), EMAIL_DOMAIN);
        for (DemoSeedStep step : steps) {
            // Each step in one transaction of the demo university, as a job would work on it.
            units.runInUniversity(demo.id(), () -> step.seed(demo));
        }
        LOG.info(
                "Demo university ready: {} (sign in as a @{} student, staff@{} or coach@{})",
                demo.name(),
                EMAIL_DOMAIN,
                EMAIL_DOMAIN,
                EMAIL_DOMAIN);
    }
}
