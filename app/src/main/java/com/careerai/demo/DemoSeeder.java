package com.careerai.demo;

import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.NewUniversity;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo university when {@code CAREERAI_DEMO=true}: creates it through tenancy's public
 * service, then runs each feature's {@link DemoSeedStep} bound to it. Running it again changes nothing.
 *
 * <p>The steps run before the server listens, so the first page already shows the whole demo. They
 * run when the university was not yet seeded today by these same steps ({@link DemoSeedFingerprint},
 * ADR 0053); otherwise a start costs one query instead of loading and running every feature's demo
 * code. The steps are not even created then: they are looked up only when they run.
 */
@Singleton
@Requires(property = "careerai.demo", value = "true")
class DemoSeeder {
    static final String SUBDOMAIN = "demo";
    static final String EMAIL_DOMAIN = "demo.edu";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final UniversityAdministration universities;
    private final BeanContext beans;
    private final DemoSeedStore seeds;
    private final UnitOfWork units;

    DemoSeeder(UniversityAdministration universities, BeanContext beans, DemoSeedStore seeds, UnitOfWork units) {
        this.universities = universities;
        this.beans = beans;
        this.seeds = seeds;
        this.units = units;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        University university = universities.createIfAbsent(
                new NewUniversity("Demo University", SUBDOMAIN, List.of(EMAIL_DOMAIN), 20, 3, "#6D28D9", null));
        DemoUniversity demo =
                new DemoUniversity(university.id(), university.name(), university.subdomain(), EMAIL_DOMAIN);
        String fingerprint = DemoSeedFingerprint.of(beans.getBeanDefinitions(DemoSeedStep.class).stream()
                .map(BeanDefinition::getBeanType)
                .toList());
        if (units.inUniversity(demo.id(), () -> seeds.seededToday(demo.id(), fingerprint))) {
            LOG.debug("Demo university already seeded today by these steps ({})", fingerprint);
        } else {
            List<DemoSeedStep> steps = new ArrayList<>(beans.getBeansOfType(DemoSeedStep.class));
            steps.sort(OrderUtil.COMPARATOR);
            for (DemoSeedStep step : steps) {
                // Each step in one transaction of the demo university, as a job would work on it.
                units.runInUniversity(demo.id(), () -> step.seed(demo));
            }
            units.runInUniversity(demo.id(), () -> seeds.recordSeeded(demo.id(), fingerprint));
        }
        LOG.info(
                "Demo university ready: {} (sign in as a @{} student, staff@{} or coach@{})",
                demo.name(),
                EMAIL_DOMAIN,
                EMAIL_DOMAIN,
                EMAIL_DOMAIN);
    }
}
