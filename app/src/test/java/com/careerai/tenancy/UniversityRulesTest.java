package com.careerai.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UniversityRulesTest {

    private static NewUniversity valid() {
        return new NewUniversity("MIT", "mit", List.of("mit.edu", "alum.mit.edu"), 50, 5, "#a31f34", null);
    }

    private static NewUniversity with(String subdomain, List<String> domains, int silver, int gold, String logo) {
        return new NewUniversity("MIT", subdomain, domains, silver, gold, "#A31F34", logo).normalised();
    }

    @Test
    void validSettingsHaveNoProblemsOnceNormalised() {
        NewUniversity normalised = valid().normalised();
        assertThat(UniversityRules.problems(normalised)).isEmpty();
        assertThat(normalised.brandColor()).isEqualTo("#A31F34");
        assertThat(new NewUniversity(" MIT ", " MIT ", List.of(" MIT.edu", "mit.edu"), 0, 0, " ", " ").normalised())
                .isEqualTo(new NewUniversity(
                        "MIT", "mit", List.of("mit.edu"), 0, 0, NewUniversity.DEFAULT_BRAND_COLOR, null));
    }

    @Test
    void subdomainMustBeAnUnreservedDnsLabel() {
        assertThat(UniversityRules.problems(with("www", List.of("mit.edu"), 0, 0, null)))
                .containsEntry("subdomain", "'www' is reserved for the platform");
        for (String bad : List.of("-mit", "mit-", "m.it", "m_it", "", "a".repeat(64))) {
            assertThat(UniversityRules.problems(with(bad, List.of("mit.edu"), 0, 0, null)))
                    .as(bad)
                    .containsKey("subdomain");
        }
    }

    @Test
    void domainsMustLookLikeDomainsAndOneIsNeeded() {
        assertThat(UniversityRules.problems(with("mit", List.of(), 0, 0, null)))
                .containsEntry("allowedDomains", "at least one email domain is required");
        for (String bad : List.of("mit", "mit..edu", "@mit.edu", "mit.edu/", "mit .edu", "mit.123")) {
            assertThat(UniversityRules.problems(with("mit", List.of("ok.edu", bad), 0, 0, null)))
                    .as(bad)
                    .containsKey("allowedDomains");
        }
        assertThat(UniversityRules.problems(
                        with("mit", List.of("cs.mit.edu", "ox.ac.uk", "xn--bcher-kva.de"), 0, 0, null)))
                .isEmpty();
    }

    @Test
    void allowancesAreNonNegativeAndBounded() {
        assertThat(UniversityRules.problems(with("mit", List.of("mit.edu"), -1, -2, null)))
                .containsEntry("defaultSilver", "must be 0 or more, not -1")
                .containsEntry("defaultGold", "must be 0 or more, not -2");
        assertThat(UniversityRules.problems(
                        with("mit", List.of("mit.edu"), UniversityRules.MAX_ALLOWANCE + 1, 0, null)))
                .containsKey("defaultSilver");
    }

    @Test
    void nameIsOneLineWithoutControlCharactersBecauseItHeadsEveryEmail() {
        for (String bad :
                List.of("MIT\r\nBcc: everyone@example.com", "MIT\nCareers", "MIT\u0000Careers", "MIT\tCareers")) {
            NewUniversity named = new NewUniversity(bad, "mit", List.of("mit.edu"), 0, 0, "#A31F34", null).normalised();
            assertThat(UniversityRules.problems(named)).as(bad).containsKey("name");
        }
        NewUniversity accented = new NewUniversity(
                        "Université de Montréal – Carrières",
                        "umontreal",
                        List.of("umontreal.ca"),
                        0,
                        0,
                        "#A31F34",
                        null)
                .normalised();
        assertThat(UniversityRules.problems(accented)).isEmpty();
    }

    @Test
    void logoMustBeAWebAddress() {
        assertThat(UniversityRules.problems(with("mit", List.of("mit.edu"), 0, 0, "javascript:alert(1)")))
                .containsKey("logoUrl");
        assertThat(UniversityRules.problems(with("mit", List.of("mit.edu"), 0, 0, "https://cdn.mit.edu/logo.svg")))
                .isEmpty();
    }
}
