package com.careerai.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.platform.audit.AuditEntry;
import com.careerai.platform.audit.AuditLog;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class UniversityAdministrationTest extends IntegrationTest {
    private static final String OPERATOR = "operator:test";

    @Inject
    UniversityAdministration universities;

    @Inject
    AuditLog audit;

    private University create(String subdomain) {
        return universities.create(
                new NewUniversity("University " + subdomain, subdomain, List.of(subdomain + ".edu"), 10, 1, "", null),
                OPERATOR);
    }

    private List<String> actions(University university) {
        return CrossTenant.within(university, () -> audit.recent(university.id(), 10)).stream()
                .map(AuditEntry::action)
                .toList();
    }

    @Test
    void createStoresNormalisedSettingsAndAuditsTheActor() {
        University created = universities.create(
                new NewUniversity(" Oxford ", "OXFORD", List.of("OX.ac.uk"), 3, 0, "#00215e", null), OPERATOR);
        assertThat(created.subdomain()).isEqualTo("oxford");
        assertThat(created.name()).isEqualTo("Oxford");
        assertThat(created.allowedDomains()).containsExactly("ox.ac.uk");
        assertThat(created.brandColor()).isEqualTo("#00215E");
        assertThat(created.status()).isEqualTo(UniversityStatus.ACTIVE);
        AuditEntry entry =
                CrossTenant.within(created, () -> audit.recent(created.id(), 1)).get(0);
        assertThat(entry.action()).isEqualTo("university.created");
        assertThat(entry.actor()).isEqualTo(OPERATOR);
        assertThat(entry.details()).containsEntry("subdomain", "oxford");
    }

    @Test
    void createRefusesBrokenRulesAndTakenSubdomains() {
        create("taken");
        assertThatThrownBy(() -> create("taken"))
                .isInstanceOf(InvalidUniversityException.class)
                .satisfies(e -> assertThat(((InvalidUniversityException) e).fields())
                        .containsEntry("subdomain", "'taken' is already taken"));
        assertThatThrownBy(() -> universities.create(
                        new NewUniversity("x", "admin", List.of("nope"), -1, 0, "", null), OPERATOR))
                .isInstanceOf(InvalidUniversityException.class)
                .satisfies(e -> assertThat(((InvalidUniversityException) e).fields())
                        .containsOnlyKeys("subdomain", "allowedDomains", "defaultSilver"));
        assertThat(universities.findBySubdomain("admin")).isEmpty();
    }

    @Test
    void changeSavesAndAuditsOnlyRealDifferences() {
        create("changing");
        University changed = universities.change(
                "changing", new UniversityChanges(null, null, null, 4, null, "https://x.edu/logo.png"), OPERATOR);
        assertThat(changed.defaultGold()).isEqualTo(4);
        assertThat(changed.defaultSilver()).isEqualTo(10);
        assertThat(changed.logoUrl()).isEqualTo("https://x.edu/logo.png");
        AuditEntry entry =
                CrossTenant.within(changed, () -> audit.recent(changed.id(), 1)).get(0);
        assertThat(entry.action()).isEqualTo("university.updated");
        @SuppressWarnings("unchecked")
        Map<String, Object> changes = (Map<String, Object>) entry.details().get("changes");
        assertThat(changes).containsOnlyKeys("defaultGold", "logoUrl");
        assertThat(changes.get("defaultGold")).isEqualTo(Map.of("from", 1, "to", 4));
        assertThat(changes.get("logoUrl")).isEqualTo(fromTo(null, "https://x.edu/logo.png"));

        universities.change("changing", new UniversityChanges(null, null, null, 4, null, null), OPERATOR);
        assertThat(actions(changed)).filteredOn("university.updated"::equals).hasSize(1);

        University noLogo =
                universities.change("changing", new UniversityChanges(null, null, null, null, null, ""), OPERATOR);
        assertThat(noLogo.logoUrl()).isNull();
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> change = new java.util.HashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    @Test
    void changeRefusesInvalidResultsAndUnknownUniversities() {
        create("strict");
        assertThatThrownBy(() -> universities.change(
                        "strict", new UniversityChanges(null, null, -5, null, null, null), OPERATOR))
                .isInstanceOf(InvalidUniversityException.class);
        assertThat(universities.require("strict").defaultSilver()).isEqualTo(10);
        assertThatThrownBy(() -> universities.change(
                        "nowhere", new UniversityChanges("x", null, null, null, null, null), OPERATOR))
                .isInstanceOf(UniversityNotFoundException.class)
                .hasMessage("No university has the subdomain 'nowhere'.");
    }

    @Test
    void suspendAndResumeAreAuditedOnceEach() {
        University university = create("pausing");
        assertThat(universities.suspend("pausing", "unpaid invoice", OPERATOR).isSuspended())
                .isTrue();
        assertThat(universities.suspend("pausing", "again", OPERATOR).isSuspended())
                .isTrue();
        assertThat(universities.resume("pausing", OPERATOR).isSuspended()).isFalse();
        assertThat(universities.resume("pausing", OPERATOR).isSuspended()).isFalse();
        assertThat(actions(university))
                .filteredOn(action -> action.startsWith("university.s") || action.startsWith("university.r"))
                .containsExactly("university.resumed", "university.suspended");
        assertThat(CrossTenant.within(university, () -> audit.latest(university.id(), "university.suspended"))
                        .orElseThrow()
                        .details())
                .containsEntry("reason", "unpaid invoice");
    }

    @Test
    void listIsOrderedBySubdomain() {
        create("zulu");
        create("alpha");
        List<String> subdomains =
                universities.list().stream().map(University::subdomain).toList();
        assertThat(subdomains).isSorted().contains("alpha", "zulu");
    }
}
