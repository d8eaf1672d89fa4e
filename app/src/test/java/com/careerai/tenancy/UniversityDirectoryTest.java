package com.careerai.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class UniversityDirectoryTest extends IntegrationTest {
    @Inject
    UniversityDirectory directory;

    @Inject
    Fixtures fixtures;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.tenant-cache-ttl", "1h");
    }

    @Test
    void changeEvictsTheCachedUniversity() {
        University university = fixtures.university();
        assertThat(directory.findBySubdomain(university.subdomain()))
                .get()
                .extracting(University::status)
                .isEqualTo(UniversityStatus.ACTIVE);
        fixtures.suspend(university);
        assertThat(directory.findBySubdomain(university.subdomain()))
                .get()
                .extracting(University::status)
                .isEqualTo(UniversityStatus.SUSPENDED);
    }

    @Test
    void unknownSubdomainIsEmptyUntilCreated() {
        assertThat(directory.findBySubdomain("later")).isEmpty();
        fixtures.university("later");
        assertThat(directory.findBySubdomain("later")).isPresent();
    }
}
