package com.careerai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.platform.audit.AuditEntry;
import com.careerai.platform.audit.AuditLog;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AuditLogTest extends IntegrationTest {
    @Inject
    AuditLog audit;

    @Inject
    Fixtures fixtures;

    @Test
    void recentAndLatestReadBackWhatWasRecordedNewestFirst() {
        University university = fixtures.university();
        fixtures.run(university, () -> {
            audit.record(university.id(), "operator:a", "thing.done", Map.of("n", 1));
            audit.record(university.id(), "operator:b", "thing.done", Map.of("n", 2));
            audit.record(university.id(), "user:7", "other.done", Map.of());

            assertThat(audit.recent(university.id(), 2))
                    .extracting(AuditEntry::action)
                    .containsExactly("other.done", "thing.done");
            AuditEntry latest = audit.latest(university.id(), "thing.done").orElseThrow();
            assertThat(latest.actor()).isEqualTo("operator:b");
            assertThat(latest.details()).containsEntry("n", 2);
            assertThat(audit.latest(university.id(), "never.done")).isEmpty();
        });
    }

    @Test
    void theFiltersActionsAreEachDistinctActionOnceInOrderAndOnlyTheUniversitys() {
        University university = fixtures.university();
        University other = fixtures.university();
        fixtures.run(other, () -> audit.record(other.id(), "operator:a", "aaa.elsewhere", Map.of()));
        fixtures.run(university, () -> {
            assertThat(audit.actions(university.id())).isEmpty();
            for (String action :
                    new String[] {"credits.granted", "announcement.sent", "credits.granted", "zeta.last"}) {
                audit.record(university.id(), "operator:a", action, Map.of());
            }
            audit.record(university.id(), "user:7", "announcement.sent", Map.of());
            // a loose index scan, one probe per action: the same answer SELECT DISTINCT gave
            assertThat(audit.actions(university.id()))
                    .containsExactly("announcement.sent", "credits.granted", "zeta.last");
        });
    }

    @Test
    void entriesOfOneUniversityAreInvisibleToAnother() {
        CrossTenant.assertInvisible(
                fixtures.university(),
                fixtures.university(),
                university -> {
                    audit.record(university.id(), "operator:a", "secret.kept", Map.of());
                    return university;
                },
                (university, written) -> audit.latest(university.id(), "secret.kept"));
        CrossTenant.assertInvisible(
                fixtures.university(),
                fixtures.university(),
                university -> {
                    audit.record(university.id(), "operator:a", "secret.kept", Map.of());
                    return university;
                },
                (university, written) -> audit.recent(university.id(), 10));
    }
}
