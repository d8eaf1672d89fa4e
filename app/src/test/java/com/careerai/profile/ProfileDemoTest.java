package com.careerai.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo student arrives with a career profile and a default saved resume (./run-demo shows them). */
@MicronautTest(transactional = false)
class ProfileDemoTest extends IntegrationTest {
    @Inject
    UniversityAdministration universities;

    @Inject
    UserAccounts users;

    @Inject
    CareerProfiles profiles;

    @Inject
    SavedResumes resumes;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.demo", "true");
    }

    @Test
    void theDemoStudentHasAProfileAndADefaultResume() {
        University demo = universities.findBySubdomain("demo").orElseThrow();
        User student = CrossTenant.within(demo, () -> users.findByEmail(demo.id(), "student@demo.edu"))
                .orElseThrow();
        assertThat(CrossTenant.within(demo, () -> profiles.of(demo.id(), student.id()))
                        .targetRoles())
                .contains("Software Engineer");
        assertThat(CrossTenant.within(demo, () -> resumes.defaultOf(demo.id(), student.id())))
                .get()
                .extracting(SavedResume::name)
                .isEqualTo("Software roles");
    }
}
