package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.StatementCounter;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds a counsellor's 30 days of slots (bench/run's slots scenario, issue 19) to its statements:
 * the signed-in user, the counsellor once, the session type, the held time, weekly hours, overrides.
 */
@MicronautTest(transactional = false)
class SlotsQueriesTest extends IntegrationTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ObjectMapper json;

    @Inject
    Fixtures fixtures;

    @Inject
    CounsellingFixtures counselling;

    @Inject
    TestSessions sessions;

    @Inject
    StatementCounter counter;

    private CounsellingApi api;
    private University university;
    private SignedIn student;
    private User counsellor;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.test.count-statements", "true");
    }

    @BeforeAll
    void setUp() {
        api = new CounsellingApi(client, json);
        university = fixtures.university();
        student = sessions.signIn(fixtures.verifiedStudent(university));
        counsellor = counselling.counsellor(university);
    }

    @Test
    void thirtyDaysOfSlotsReadTheCounsellorOnceInSixStatements() {
        LocalDate from = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        String path = "/api/v1/counsellors/" + counsellor.id() + "/slots?type=" + CounsellingFixtures.GUIDANCE
                + "&from=" + from + "&to=" + from.plusDays(29) + "&tz=UTC";
        api.get(university.subdomain(), student, path); // warm: the university by host is cached afterwards
        counter.reset();

        HttpResponse<String> response = api.get(university.subdomain(), student, path);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).contains("\"timeZone\":\"UTC\"").contains(from + "T");
        List<String> statements = counter.statements();
        assertThat(statements.stream().filter(sql -> sql.contains("FROM counsellors")))
                .as("statements: %s", statements)
                .hasSize(1);
        assertThat(statements).as("statements of 30 days of slots").hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void anUnknownCounsellorIsNotFoundBeforeTheParametersAreRead() {
        HttpResponse<String> response =
                api.get(university.subdomain(), student, "/api/v1/counsellors/999999999/slots?tz=Nowhere/Else");

        assertThat(response.code()).isEqualTo(404);
    }
}
