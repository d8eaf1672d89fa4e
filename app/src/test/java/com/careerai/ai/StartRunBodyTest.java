package com.careerai.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.auth.User;
import com.careerai.credits.Currency;
import com.careerai.credits.Wallets;
import com.careerai.platform.web.RefusedRequestException;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.careerai.testing.TestSessions.SignedIn;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code POST /api/v1/tools/{slug}/runs} answers to bodies it cannot use — not JSON, the wrong
 * JSON types, missing or unknown fields, empty, too large — pinned as the API answered them when the
 * body was read by Micronaut's serde into a map (issue 19, session 14: the body is now read once,
 * straight into the tree the run keeps). None of them debits anything; a body it can use starts a
 * run whose stored input is the body's, numbers as sent.
 */
@MicronautTest(transactional = false)
class StartRunBodyTest extends IntegrationTest {
    private static final String JOB_PACK_INPUT = "{\"jobTitle\":\"Graduate Data Analyst\",\"company\":\"Acme\","
            + "\"jobDescription\":\"A graduate analyst role working with SQL, Python and stakeholders on dashboards.\","
            + "\"resume\":\"Jane Student. BSc Mathematics. Built data tools in Python, tutored statistics, led a team"
            + " project analysing transport data with SQL and presented the results.\",\"tone\":\"professional\"}";
    private static final String STATEMENT_INPUT = "{\"purpose\":\"visa\",\"field\":\"Machine learning\","
            + "\"achievements\":\"Published a paper on early sepsis detection; won the national student AI prize.\","
            + "\"careerPlans\":\"Lead an applied research team in NHS wards.\",\"wordLimit\":%s}";
    private static final String UNREADABLE = RefusedRequestException.UNREADABLE;
    private static final Pattern RUN_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    Wallets wallets;

    private University university;
    private User user;
    private SignedIn student;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("careerai.ai.mode", "mock");
    }

    @BeforeEach
    void student() {
        university = fixtures.university();
        user = fixtures.verifiedStudent(university);
        fixtures.in(university, () -> {
            wallets.grant(university.id(), user.id(), Currency.SILVER, 100, "body:" + user.id(), "test", "setup");
            return wallets.grant(
                    university.id(), user.id(), Currency.GOLD, 100, "body-gold:" + user.id(), "test", "setup");
        });
        student = sessions.signIn(user);
    }

    @Test
    void bodiesItCannotUseAreAnsweredAsBeforeAndDebitNothing() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("not JSON", "hello");
        bodies.put("cut short", "{\"currency\": \"silver\", \"input\": {");
        bodies.put("empty", "");
        bodies.put("blank", "   ");
        bodies.put("an array", "[]");
        bodies.put("a string", "\"silver\"");
        bodies.put("a number", "5");
        bodies.put("null", "null");
        bodies.put("input a number", "{\"currency\":\"silver\",\"input\":5}");
        bodies.put("input an array", "{\"currency\":\"silver\",\"input\":[]}");
        bodies.put("input a string", "{\"currency\":\"silver\",\"input\":\"x\"}");
        bodies.put("input true", "{\"currency\":\"silver\",\"input\":true}");
        bodies.put("currency a number", "{\"currency\":5,\"input\":" + JOB_PACK_INPUT + "}");
        bodies.put("currency an object", "{\"currency\":{},\"input\":" + JOB_PACK_INPUT + "}");
        bodies.put("currency true", "{\"currency\":true,\"input\":" + JOB_PACK_INPUT + "}");
        bodies.put("currency unknown", "{\"currency\":\"bronze\",\"input\":" + JOB_PACK_INPUT + "}");
        bodies.put("no fields", "{}");
        bodies.put("input null", "{\"currency\":\"silver\",\"input\":null}");
        bodies.put("input empty", "{\"currency\":\"silver\",\"input\":{}}");
        bodies.put("input field of the wrong type", "{\"currency\":\"silver\",\"input\":{\"jobTitle\":5}}");
        bodies.put("no currency (two offered)", "{\"input\":" + JOB_PACK_INPUT + "}");
        bodies.put(
                "nested too deep",
                "{\"currency\":\"silver\",\"input\":{\"a\":" + "[".repeat(1200) + "]".repeat(1200) + "}}");
        bodies.put("a control character escaped", "{\"currency\":\"silver\",\"input\":{\"jobTitle\":\"a\\u0000b\"}}");
        bodies.put("too large", "{\"currency\":\"" + "x".repeat(13 * 1024 * 1024) + "\"}");
        Map<String, String> answers = new LinkedHashMap<>();
        bodies.forEach((what, body) -> answers.put(what, answer(body, MediaType.APPLICATION_JSON)));
        answers.put("not JSON as text/plain", answer("{\"currency\":\"silver\"}", MediaType.TEXT_PLAIN));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("not JSON", "400 {\"error\":\"bad_request\",\"message\":\"" + UNREADABLE + "\"}");
        expected.put(
                "cut short",
                "400 {\"error\":\"bad_request\",\"message\":\"" + UNREADABLE + "\",\"fields\":{\"/request\":\""
                        + UNREADABLE + "\"}}");
        expected.put(
                "empty",
                "400 {\"error\":\"bad_request\",\"message\":\"" + UNREADABLE + "\",\"fields\":{\"/request\":\""
                        + UNREADABLE + "\"}}");
        expected.put(
                "blank",
                "400 {\"error\":\"bad_request\",\"message\":\"" + UNREADABLE + "\",\"fields\":{\"/request\":\""
                        + UNREADABLE + "\"}}");
        expected.put(
                "an array",
                "400 {\"error\":\"bad_request\",\"message\":\"" + UNREADABLE + "\",\"fields\":{\"/request\":\""
                        + UNREADABLE + "\"}}");
        expected.put(
                "a string",
                "400 {\"error\":\"bad_request\",\"message\":\"" + UNREADABLE + "\",\"fields\":{\"/request\":\""
                        + UNREADABLE + "\"}}");
        expected.put(
                "a number",
                "400 {\"error\":\"bad_request\",\"message\":\"" + UNREADABLE + "\",\"fields\":{\"/request\":\""
                        + UNREADABLE + "\"}}");
        expected.put(
                "null",
                "400 {\"error\":\"bad_request\",\"message\":\"" + UNREADABLE + "\",\"fields\":{\"/request\":\""
                        + UNREADABLE + "\"}}");
        expected.put(
                "input a number",
                "400 {\"error\":\"bad_request\",\"message\":\"" + UNREADABLE + "\",\"fields\":{\"/request\":\""
                        + UNREADABLE + "\"}}");
        expected.put(
                "input an array",
                "400 {\"error\":\"bad_request\",\"message\":\"" + UNREADABLE + "\",\"fields\":{\"/request\":\""
                        + UNREADABLE + "\"}}");
        expected.put(
                "input a string",
                "400 {\"error\":\"bad_request\",\"message\":\"" + UNREADABLE + "\",\"fields\":{\"/request\":\""
                        + UNREADABLE + "\"}}");
        expected.put(
                "input true",
                "400 {\"error\":\"bad_request\",\"message\":\"" + UNREADABLE + "\",\"fields\":{\"/request\":\""
                        + UNREADABLE + "\"}}");
        expected.put(
                "currency a number",
                "422 {\"error\":\"validation_failed\",\"message\":\"Choose silver or gold credits.\",\"fields\":{\"currency\":\"Choose silver or gold credits.\"}}");
        expected.put(
                "currency an object",
                "400 {\"error\":\"bad_request\",\"message\":\"" + UNREADABLE + "\",\"fields\":{\"/request\":\""
                        + UNREADABLE + "\"}}");
        expected.put(
                "currency true",
                "422 {\"error\":\"validation_failed\",\"message\":\"Choose silver or gold credits.\",\"fields\":{\"currency\":\"Choose silver or gold credits.\"}}");
        expected.put(
                "currency unknown",
                "422 {\"error\":\"validation_failed\",\"message\":\"Choose silver or gold credits.\",\"fields\":{\"currency\":\"Choose silver or gold credits.\"}}");
        expected.put(
                "no fields",
                "422 {\"error\":\"validation_failed\",\"message\":\"Please check the highlighted fields.\",\"fields\":{\"company\":\"This is required.\",\"resume\":\"This is required.\",\"jobTitle\":\"This is required.\",\"tone\":\"This is required.\",\"jobDescription\":\"This is required.\"}}");
        expected.put(
                "input null",
                "422 {\"error\":\"validation_failed\",\"message\":\"Please check the highlighted fields.\",\"fields\":{\"company\":\"This is required.\",\"resume\":\"This is required.\",\"jobTitle\":\"This is required.\",\"tone\":\"This is required.\",\"jobDescription\":\"This is required.\"}}");
        expected.put(
                "input empty",
                "422 {\"error\":\"validation_failed\",\"message\":\"Please check the highlighted fields.\",\"fields\":{\"company\":\"This is required.\",\"resume\":\"This is required.\",\"jobTitle\":\"This is required.\",\"tone\":\"This is required.\",\"jobDescription\":\"This is required.\"}}");
        expected.put(
                "input field of the wrong type",
                "422 {\"error\":\"validation_failed\",\"message\":\"Please check the highlighted fields.\",\"fields\":{\"company\":\"This is required.\",\"resume\":\"This is required.\",\"jobTitle\":\"This has the wrong type.\",\"tone\":\"This is required.\",\"jobDescription\":\"This is required.\"}}");
        expected.put(
                "no currency (two offered)",
                "422 {\"error\":\"validation_failed\",\"message\":\"Choose silver or gold credits.\",\"fields\":{\"currency\":\"Choose silver or gold credits.\"}}");
        expected.put(
                "nested too deep",
                "400 {\"error\":\"bad_request\",\"message\":\"" + UNREADABLE + "\",\"fields\":{\"/request\":\""
                        + UNREADABLE + "\"}}");
        expected.put(
                "a control character escaped",
                "422 {\"error\":\"invalid_characters\",\"message\":\"The request contains control characters, which no field accepts.\",\"fields\":{\"body\":\"Remove the control characters (such as NUL) from this text and try again.\"}}");
        expected.put("too large", "413 {\"error\":\"payload_too_large\",\"message\":\"The request is too large.\"}");
        expected.put(
                "not JSON as text/plain",
                "415 {\"error\":\"unsupported_media_type\",\"message\":\"" + UNREADABLE + "\"}");
        assertThat(fieldsSorted(answers)).containsExactlyEntriesOf(fieldsSorted(expected));
        assertThat(fixtures.in(university, () -> wallets.balances(university.id(), user.id())
                        .silver()))
                .as("nothing debited")
                .isEqualTo(100);
    }

    @Test
    void bodiesItCanUseStartRunsWithTheInputAsSent() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("unknown field beside them", "{\"currency\":\"silver\",\"input\":" + JOB_PACK_INPUT + ",\"x\":1}");
        bodies.put("currency in capitals, spaces", "{\"currency\":\" SILVER \",\"input\":" + JOB_PACK_INPUT + "}");
        bodies.put("currency an array of one", "{\"currency\":[\"silver\"],\"input\":" + JOB_PACK_INPUT + "}");
        bodies.put(
                "currency twice (the first wins)",
                "{\"currency\":\"gold\",\"currency\":\"silver\",\"input\":" + JOB_PACK_INPUT + "}");
        bodies.put("text after the object", "{\"currency\":\"silver\",\"input\":" + JOB_PACK_INPUT + "} x");
        Map<String, String> answers = new LinkedHashMap<>();
        bodies.forEach((what, body) -> answers.put(what, statusAndStoredInput("job-pack", body)));
        for (String number : new String[] {"1000", "1000.0", "1e3", "1.5e3", "99999999999999999999", "1e400"}) {
            String body = "{\"currency\":\"gold\",\"input\":" + STATEMENT_INPUT.formatted(number) + "}";
            answers.put("wordLimit " + number, statusAndStoredInput("personal-statement", body));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(
                "unknown field beside them",
                "202 SILVER 5 {\"tone\": \"professional\", \"resume\": \"Jane Student. BSc Mathematics. Built data tools in Python, tutored statistics, led a team project analysing transport data with SQL and presented the results.\", \"company\": \"Acme\", \"jobTitle\": \"Graduate Data Analyst\", \"jobDescription\": \"A graduate analyst role working with SQL, Python and stakeholders on dashboards.\"}");
        expected.put(
                "currency in capitals, spaces",
                "202 SILVER 5 {\"tone\": \"professional\", \"resume\": \"Jane Student. BSc Mathematics. Built data tools in Python, tutored statistics, led a team project analysing transport data with SQL and presented the results.\", \"company\": \"Acme\", \"jobTitle\": \"Graduate Data Analyst\", \"jobDescription\": \"A graduate analyst role working with SQL, Python and stakeholders on dashboards.\"}");
        expected.put(
                "currency an array of one",
                "202 SILVER 5 {\"tone\": \"professional\", \"resume\": \"Jane Student. BSc Mathematics. Built data tools in Python, tutored statistics, led a team project analysing transport data with SQL and presented the results.\", \"company\": \"Acme\", \"jobTitle\": \"Graduate Data Analyst\", \"jobDescription\": \"A graduate analyst role working with SQL, Python and stakeholders on dashboards.\"}");
        expected.put(
                "currency twice (the first wins)",
                "202 GOLD 1 {\"tone\": \"professional\", \"resume\": \"Jane Student. BSc Mathematics. Built data tools in Python, tutored statistics, led a team project analysing transport data with SQL and presented the results.\", \"company\": \"Acme\", \"jobTitle\": \"Graduate Data Analyst\", \"jobDescription\": \"A graduate analyst role working with SQL, Python and stakeholders on dashboards.\"}");
        expected.put(
                "text after the object",
                "202 SILVER 5 {\"tone\": \"professional\", \"resume\": \"Jane Student. BSc Mathematics. Built data tools in Python, tutored statistics, led a team project analysing transport data with SQL and presented the results.\", \"company\": \"Acme\", \"jobTitle\": \"Graduate Data Analyst\", \"jobDescription\": \"A graduate analyst role working with SQL, Python and stakeholders on dashboards.\"}");
        expected.put(
                "wordLimit 1000",
                "202 GOLD 1 {\"field\": \"Machine learning\", \"purpose\": \"visa\", \"wordLimit\": 1000, \"careerPlans\": \"Lead an applied research team in NHS wards.\", \"achievements\": \"Published a paper on early sepsis detection; won the national student AI prize.\"}");
        expected.put(
                "wordLimit 1000.0",
                "202 GOLD 1 {\"field\": \"Machine learning\", \"purpose\": \"visa\", \"wordLimit\": 1000.0, \"careerPlans\": \"Lead an applied research team in NHS wards.\", \"achievements\": \"Published a paper on early sepsis detection; won the national student AI prize.\"}");
        expected.put(
                "wordLimit 1e3",
                "202 GOLD 1 {\"field\": \"Machine learning\", \"purpose\": \"visa\", \"wordLimit\": 1000.0, \"careerPlans\": \"Lead an applied research team in NHS wards.\", \"achievements\": \"Published a paper on early sepsis detection; won the national student AI prize.\"}");
        expected.put(
                "wordLimit 1.5e3",
                "202 GOLD 1 {\"field\": \"Machine learning\", \"purpose\": \"visa\", \"wordLimit\": 1500.0, \"careerPlans\": \"Lead an applied research team in NHS wards.\", \"achievements\": \"Published a paper on early sepsis detection; won the national student AI prize.\"}");
        expected.put(
                "wordLimit 99999999999999999999",
                "422 {\"error\":\"validation_failed\",\"message\":\"Please check the highlighted fields.\",\"fields\":{\"wordLimit\":\"must have a maximum value of 4000\"}}");
        expected.put(
                "wordLimit 1e400",
                "422 {\"error\":\"validation_failed\",\"message\":\"Please check the highlighted fields.\",\"fields\":{\"wordLimit\":\"This has the wrong type.\"}}");
        assertThat(fieldsSorted(answers)).containsExactlyEntriesOf(fieldsSorted(expected));
    }

    /**
     * The answers with each error's {@code fields} in name order: the validator reports a body's
     * failures from a set, whose order differs between JVM runs, so only the names and messages are pinned.
     */
    private static Map<String, String> fieldsSorted(Map<String, String> answers) {
        Map<String, String> sorted = new LinkedHashMap<>();
        answers.forEach((what, answer) -> sorted.put(what, fieldsSorted(answer)));
        return sorted;
    }

    private static String fieldsSorted(String answer) {
        int json = answer.indexOf(' ') + 1;
        if (!answer.startsWith("4") || json == 0 || !answer.startsWith("{", json)) {
            return answer;
        }
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(answer.substring(json));
            if (body.get("fields") instanceof ObjectNode fields) {
                ObjectNode inOrder = JSON.createObjectNode();
                new TreeMap<String, JsonNode>(JSON.convertValue(fields, new TypeReference<Map<String, JsonNode>>() {}))
                        .forEach(inOrder::set);
                body.set("fields", inOrder);
            }
            return answer.substring(0, json) + JSON.writeValueAsString(body);
        } catch (JsonProcessingException | ClassCastException e) {
            return answer;
        }
    }

    /** The status, and for a started run its stored currency, cost and input; otherwise the body. */
    private String statusAndStoredInput(String slug, String body) {
        String answer = post(slug, body, MediaType.APPLICATION_JSON);
        Matcher id = RUN_ID.matcher(answer);
        if (!answer.startsWith("202 ") || !id.find()) {
            return answer;
        }
        UUID runId = UUID.fromString(id.group(1));
        return answer.substring(0, 4)
                + text("SELECT currency || ' ' || cost || ' ' || input::text FROM ai_runs WHERE id = ?", runId);
    }

    private String answer(String body, String contentType) {
        return post("job-pack", body, contentType);
    }

    private String post(String slug, String body, String contentType) {
        try {
            HttpResponse<String> response = http.toBlocking()
                    .exchange(
                            HttpRequest.POST("/api/v1/tools/" + slug + "/runs", body.getBytes(StandardCharsets.UTF_8))
                                    .contentType(contentType)
                                    .header(HttpHeaders.HOST, hostOf(university.subdomain()))
                                    .header(HttpHeaders.AUTHORIZATION, student.bearer())
                                    .accept(MediaType.APPLICATION_JSON_TYPE),
                            String.class);
            return response.code() + " " + response.body();
        } catch (HttpClientResponseException e) {
            return e.code() + " " + e.getResponse().getBody(String.class).orElse("");
        }
    }

    private String text(String sql, Object parameter) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                        getProperties().get("datasources.default.url"), "postgres", "");
                java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : "(no row)";
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
