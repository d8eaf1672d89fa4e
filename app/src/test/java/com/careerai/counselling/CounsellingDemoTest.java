package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class CounsellingDemoTest extends IntegrationTest {
    @Inject
    Fixtures fixtures;

    @Inject
    CounsellingDemo demo;

    @Inject
    Counsellors counsellors;

    @Test
    void seedsTwoBookableCounsellorsWithAFreeDropInOnceHoweverOftenItRuns() {
        University uni = fixtures.university();
        CrossTenant.within(uni, () -> {
            demo.seed(uni.id());
            demo.seed(uni.id());
            return null;
        });

        assertThat(CrossTenant.within(uni, () -> counsellors.approved(uni.id())))
                .hasSize(2)
                .allSatisfy(listed -> {
                    assertThat(listed.sessionTypes()).hasSize(3);
                    assertThat(listed.sessionTypes())
                            .anySatisfy(type -> assertThat(type.free()).isTrue());
                    assertThat(listed.sessionTypes())
                            .allSatisfy(type -> assertThat(type.free() || type.priceGold() <= uni.defaultGold())
                                    .isTrue());
                });
        assertThat(count("SELECT count(*) FROM counsellor_weekly_hours WHERE university_id = ?", uni.id()))
                .isEqualTo(10);
        assertThat(CrossTenant.within(uni, () -> counsellors.approved(uni.id())))
                .extracting(listed -> listed.counsellor().email())
                .contains("coach@demo.edu");
    }
}
