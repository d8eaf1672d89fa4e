package com.careerai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.ai.RunService;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.counselling.CounsellingObjects;
import com.careerai.inbox.Announcement;
import com.careerai.inbox.Announcements;
import com.careerai.platform.fuzz.HostileFile;
import com.careerai.platform.fuzz.RawExchange;
import com.careerai.platform.fuzz.SchemaFuzz;
import com.careerai.tenancy.University;
import com.careerai.testing.FakeStripeServer;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestSessions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Fuzzing every input (issue 21, ADR 0020). Reads the app's own OpenAPI document from the running
 * server and sends every operation schema-valid and schema-breaking requests (wrong types, nulls,
 * missing and extra fields, huge strings and arrays, numbers past their limits, unicode edge cases,
 * malformed JSON, wrong content types, broken multipart) as a student, a counsellor and a staff
 * member; then finds every HTML form by opening every page of the router as each of them and submits
 * fuzzed values. Nothing is listed by hand, so routes added later are fuzzed without a change here.
 *
 * <p>Pass: no 5xx; API refusals in the {@code {"error","message","fields"}} shape; no stack trace or
 * Java names in any body; every status and every 2xx JSON body as the document says; no fuzz marker
 * ({@value SchemaFuzz#MARKER}) ever comes back unescaped in HTML, at once or on any page later.
 *
 * <p>Bounded and repeatable: a fixed seed and a few tries per operation and form. Deeper runs:
 * {@code -Dcareerai.fuzz.tries=200 -Dcareerai.fuzz.seed=7}.
 */
@MicronautTest(transactional = false)
class FuzzTest extends IntegrationTest {
    static final long SEED = Long.getLong("careerai.fuzz.seed", 21L);
    static final int TRIES = Integer.getInteger("careerai.fuzz.tries", 12);

    private static final Pattern INTERNALS = Pattern.compile(
            "com\\.careerai|java\\.[a-z]|javax\\.|io\\.micronaut|io\\.netty|org\\.postgresql|com\\.fasterxml"
                    + "|[A-Za-z]+Exception\\b|\\tat |\\n\\s+at [a-z]");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final List<String> SLUGS =
            List.of("referral-trainer", "job-pack", "skill-mapper", "internship-finder", "cv-analysis");
    /** Page routes that are not pages: machine answers and other hosts' concerns. */
    private static final Pattern NOT_A_PAGE =
            Pattern.compile("^/(api|static|health|webhooks|openapi\\.yml|dev/mail|oauth|signin/google)(/|$).*");
    /** Forms that end the session the fuzzer works in; signing out is tried by the session tests. */
    private static final Pattern SESSION_ENDING_FORM = Pattern.compile("^/signout$");

    final FakeStripeServer stripe = new FakeStripeServer();
    final ObjectMapper mapper = new ObjectMapper();

    @Inject
    Router router;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    TestSessions sessions;

    @Inject
    RunService runs;

    @Inject
    CounsellingObjects counselling;

    @Inject
    Announcements announcements;

    University university;
    Map<String, Caller> callers;
    List<String> knownIds;

    /** A signed-in person the fuzzer acts as; replaced by a fresh one when the fuzzing ended them. */
    final class Caller {
        final String name;
        final Supplier<User> newUser;
        User user;
        TestSessions.SignedIn session;

        Caller(String name, User user, Supplier<User> newUser) {
            this.name = name;
            this.user = user;
            this.newUser = newUser;
            this.session = sessions.signIn(user);
        }

        void renew() {
            session = sessions.signIn(user);
            if (status(HttpRequest.GET("/api/v1/me").header("Authorization", session.bearer())) == 401) {
                user = newUser.get(); // deactivated or demoted by a fuzzed staff form
                session = sessions.signIn(user);
            }
        }
    }

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("careerai.billing.secret-key", "sk_test_careerai_fake_key");
        properties.put("careerai.billing.webhook-secret", "whsec_fuzz");
        properties.put("careerai.billing.api-base", stripe.baseUrl());
        properties.put("careerai.billing.max-network-retries", "0");
        properties.put("careerai.ai.mode", "mock");
        properties.put("careerai.outbox.after-commit", "nothing");
        properties.put("micronaut.http.client.follow-redirects", "false");
        properties.put("micronaut.http.client.read-timeout", "60s");
        properties.put("micronaut.http.client.max-content-length", "52428800");
        return properties;
    }

    @BeforeAll
    void people() {
        university = fixtures.university();
        User student = fixtures.verifiedStudent(university);
        User staff = fixtures.staff(university);
        User victim = fixtures.verifiedStudent(university);
        CounsellingObjects.Booked booked = counselling.booked(university, student, "Fuzz " + SchemaFuzz.MARKER);
        ObjectNode input = JsonNodeFactory.instance
                .objectNode()
                .put("situation", "thank-you")
                .put("name", "Ann")
                .put("company", "Acme")
                .put("role", "Engineer");
        UUID run = fixtures.in(
                        university, () -> runs.start(SignedInUser.of(student), "referral-trainer", "silver", input))
                .id();
        long announcement = fixtures.in(
                        university,
                        () -> announcements.create(
                                SignedInUser.of(staff),
                                new Announcements.Draft(
                                        "Fuzz", "Fuzz body", Announcement.Audience.ALL_STUDENTS, List.of())))
                .id();
        execute(
                "INSERT INTO notifications (university_id, user_id, kind, title, event_id)"
                        + " VALUES (?, ?, 'RUN', 'Fuzz', gen_random_uuid())",
                university.id(),
                student.id());
        execute(
                "INSERT INTO resources (university_id, uploader_id, uploader_name, title, kind, access, status, url)"
                        + " VALUES (?, ?, 'Uploader', 'Fuzz', 'LINK', 'EVERYONE', 'PENDING', 'https://example.com/a')",
                university.id(),
                staff.id());
        execute("INSERT INTO interests (university_id, name) VALUES (?, 'Fuzz interest')", university.id());
        knownIds = List.of(
                run.toString(),
                booked.appointmentId().toString(),
                Long.toString(booked.counsellor().id()),
                Long.toString(victim.id()),
                Long.toString(announcement),
                Long.toString(count("SELECT max(id) FROM notifications WHERE university_id = ?", university.id())),
                Long.toString(count("SELECT max(id) FROM resources WHERE university_id = ?", university.id())),
                Long.toString(count("SELECT max(id) FROM interests WHERE university_id = ?", university.id())));
        callers = new LinkedHashMap<>();
        callers.put("student", new Caller("student", student, () -> fixtures.verifiedStudent(university)));
        callers.put("counsellor", new Caller("counsellor", booked.counsellor(), () -> counselling
                .booked(university, fixtures.verifiedStudent(university), "again")
                .counsellor()));
        callers.put("staff", new Caller("staff", staff, () -> fixtures.staff(university)));
    }

    @AfterAll
    void stopStripe() {
        stripe.close();
    }

    // ---------------------------------------------------------------- the API, from its document

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationOfTheOpenApiDocumentSurvivesFuzzedRequests() throws Exception {
        Answer document = exchange(HttpRequest.GET("/openapi.yml").header("Host", hostOf(university.subdomain())));
        assertThat(document.status()).isEqualTo(200);
        Map<String, Object> root = new Yaml().load(document.body());
        Map<String, Object> schemas = (Map<String, Object>)
                ((Map<String, Object>) root.getOrDefault("components", Map.of())).getOrDefault("schemas", Map.of());
        SchemaFuzz fuzz = new SchemaFuzz(schemas, SEED);
        Set<String> problems = new TreeSet<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int operations = 0;
        int requests = 0;
        List<Caller> people = List.copyOf(callers.values());
        for (Map.Entry<String, Object> item : ((Map<String, Object>) root.get("paths")).entrySet()) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) item.getValue()).entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                operations++;
                Operation operation = new Operation(
                        entry.getKey().toUpperCase(Locale.ROOT), item.getKey(), (Map<String, Object>) entry.getValue());
                for (int attempt = 0; attempt < TRIES; attempt++) {
                    Caller caller = people.get(attempt % people.size());
                    Sent sent = send(operation, attempt, caller, fuzz);
                    requests++;
                    if (statuses.merge(sent.answer().status(), 1, Integer::sum) <= 2) {
                        System.out.printf(
                                "API fuzz example %d: %s → %s%n",
                                sent.answer().status(),
                                abbreviate(sent.what()),
                                abbreviate(sent.answer().body()));
                    }
                    judge(operation, sent, fuzz)
                            .forEach(problem -> problems.add(operation + ": " + problem + "\n      after "
                                    + abbreviate(sent.what()) + " as " + caller.name));
                    if (sent.answer().status() == 401) {
                        caller.renew();
                    }
                }
            }
        }
        System.out.printf(
                "API fuzz: %d operations, %d requests (seed %d, %d tries each), answers %s, %d problems%n",
                operations, requests, SEED, TRIES, statuses, problems.size());
        assertThat(operations).as("operations in the document").isGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    record Operation(String method, String path, Map<String, Object> spec) {
        @Override
        public String toString() {
            return method + " " + path;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parameters() {
            return (List<Map<String, Object>>) spec.getOrDefault("parameters", List.of());
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> bodyContent() {
            Map<String, Object> body = (Map<String, Object>) spec.get("requestBody");
            return body == null ? Map.of() : (Map<String, Object>) body.getOrDefault("content", Map.of());
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> responses() {
            return (Map<String, Object>) spec.getOrDefault("responses", Map.of());
        }
    }

    record Answer(int status, String contentType, String body) {}

    record Sent(String what, Answer answer) {}

    @SuppressWarnings("unchecked")
    private Sent send(Operation operation, int attempt, Caller caller, SchemaFuzz fuzz) throws Exception {
        Random random = fuzz.random();
        boolean hostile = attempt % 2 == 1;
        StringBuilder uri = new StringBuilder();
        Map<String, String> pathValues = new HashMap<>();
        StringBuilder query = new StringBuilder();
        for (Map<String, Object> parameter : operation.parameters()) {
            String name = (String) parameter.get("name");
            Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
            if ("path".equals(parameter.get("in"))) {
                pathValues.put(name, hostile && random.nextInt(3) == 0 ? fuzz.text() : candidate(name, random, fuzz));
            } else if ("query".equals(parameter.get("in")) && (hostile || random.nextBoolean())) {
                JsonNode value = hostile ? fuzz.hostile(schema) : fuzz.valid(schema, 0);
                query.append(query.length() == 0 ? "?" : "&")
                        .append(name)
                        .append('=')
                        .append(encode(value.isTextual() ? value.textValue() : value.toString()));
            }
        }
        Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(operation.path());
        while (variable.find()) {
            String value = pathValues.getOrDefault(variable.group(1), "1");
            variable.appendReplacement(uri, Matcher.quoteReplacement(value.isEmpty() ? "%20" : encode(value)));
        }
        variable.appendTail(uri);
        String path = uri + query.toString();
        Map<String, Object> content = operation.bodyContent();
        HttpMethod method = HttpMethod.parse(operation.method());
        if (content.isEmpty()) {
            return new Sent(operation.method() + " " + path, exchange(request(method, path, caller)));
        }
        if (content.containsKey("multipart/form-data")) {
            Map<String, Object> schema = (Map<String, Object>)
                    ((Map<String, Object>) content.get("multipart/form-data")).getOrDefault("schema", Map.of());
            return sendMultipart(method, path, caller, fuzz.resolve(schema), attempt, fuzz);
        }
        Map<String, Object> schema = (Map<String, Object>)
                ((Map<String, Object>) content.values().iterator().next()).getOrDefault("schema", Map.of());
        int mode = hostile ? random.nextInt(6) : 0;
        byte[] json = mapper.writeValueAsBytes(mode == 1 ? fuzz.hostile(schema) : fuzz.valid(schema, 0));
        String what = operation.method() + " " + path + " ";
        return switch (mode) {
            case 2 -> {
                byte[] malformed = malformed(json, random);
                yield new Sent(
                        what + "malformed JSON " + new String(malformed, StandardCharsets.UTF_8),
                        exchange(request(method, path, caller)
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .body(malformed)));
            }
            case 3 -> {
                MediaType wrong = List.of(
                                MediaType.TEXT_PLAIN_TYPE,
                                MediaType.APPLICATION_XML_TYPE,
                                MediaType.APPLICATION_FORM_URLENCODED_TYPE,
                                MediaType.of("application/x-fuzz"))
                        .get(random.nextInt(4));
                RawExchange.Answer raw = RawExchange.send(
                        server.getPort(),
                        method.name(),
                        path,
                        Map.of(
                                "Host", hostOf(university.subdomain()),
                                "Authorization", caller.session.bearer(),
                                "Accept", "application/json",
                                "Content-Type", wrong.toString()),
                        json);
                yield new Sent(what + "as " + wrong, new Answer(raw.status(), raw.contentType(), raw.body()));
            }
            case 4 ->
                new Sent(
                        what + "with an empty body",
                        exchange(request(method, path, caller)
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .body(new byte[0])));
            default ->
                new Sent(
                        what + abbreviate(new String(json, StandardCharsets.UTF_8)),
                        exchange(request(method, path, caller)
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .body(json)));
        };
    }

    private static byte[] malformed(byte[] json, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> java.util.Arrays.copyOf(json, Math.max(1, json.length / 2));
            case 1 -> "{\"a\":".getBytes(StandardCharsets.UTF_8);
            case 2 -> new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
            case 3 -> "[".repeat(5000).getBytes(StandardCharsets.UTF_8);
            default -> "{\"a\":1,,}".getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A valid multipart upload, one missing its file, or a multipart body broken on the wire. */
    @SuppressWarnings("unchecked")
    private Sent sendMultipart(
            HttpMethod method, String path, Caller caller, Map<String, Object> schema, int attempt, SchemaFuzz fuzz) {
        Random random = fuzz.random();
        Map<String, Object> properties =
                (Map<String, Object>) schema.getOrDefault("properties", Map.of("file", Map.of()));
        String what = method + " " + path + " multipart ";
        if (attempt % 3 == 2) {
            String boundary = "fuzzBoundary" + random.nextInt(1000);
            String declared = random.nextBoolean() ? boundary : "another";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n" + "x".repeat(random.nextInt(2000));
            RawExchange.Answer raw = RawExchange.send(
                    server.getPort(),
                    method.name(),
                    path,
                    Map.of(
                            "Host",
                            hostOf(university.subdomain()),
                            "Authorization",
                            caller.session.bearer(),
                            "Accept",
                            "application/json",
                            "Content-Type",
                            "multipart/form-data; boundary=" + declared),
                    body.getBytes(StandardCharsets.UTF_8));
            return new Sent(
                    what + "cut off (boundary declared " + declared + ")",
                    new Answer(raw.status(), raw.contentType(), raw.body()));
        }
        MultipartBody.Builder builder = MultipartBody.builder();
        boolean any = false;
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            Map<String, Object> field = fuzz.resolve((Map<String, Object>) property.getValue());
            if ("binary".equals(field.get("format")) || property.getKey().equals("file")) {
                if (attempt % 3 == 1 && random.nextBoolean()) {
                    continue; // the file left out
                }
                String name = List.of(
                                "cv.pdf",
                                "../../etc/passwd",
                                "a".repeat(300) + ".pdf",
                                "photo.png",
                                "résumé ‮fdp.exe",
                                "notes.txt")
                        .get(random.nextInt(6));
                byte[] bytes = List.of(
                                "%PDF-1.4\n<html><script>alert(1)</script></html>",
                                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                                fuzz.text(),
                                "")
                        .get(random.nextInt(4))
                        .getBytes(StandardCharsets.UTF_8);
                builder.addPart(
                        property.getKey(),
                        name,
                        MediaType.of(random.nextBoolean() ? "application/pdf" : "image/png"),
                        bytes);
            } else {
                builder.addPart(property.getKey(), fuzz.text().replace("\u0000", ""));
            }
            any = true;
        }
        if (!any) {
            builder.addPart("unexpected", "x");
        }
        return new Sent(
                what + "upload",
                exchange(request(method, path, caller)
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                        .body(builder.build())));
    }

    private String candidate(String variable, Random random, SchemaFuzz fuzz) {
        if (variable.equals("slug")) {
            return SLUGS.get(random.nextInt(SLUGS.size()));
        }
        if (variable.toLowerCase(Locale.ROOT).endsWith("id")) {
            return knownIds.get(random.nextInt(knownIds.size()));
        }
        return random.nextBoolean() ? "1" : fuzz.text();
    }

    private MutableHttpRequest<Object> request(HttpMethod method, String path, Caller caller) {
        MutableHttpRequest<Object> request = HttpRequest.create(method, path);
        return request.header("Host", hostOf(university.subdomain()))
                .header("Authorization", caller.session.bearer())
                .accept(MediaType.APPLICATION_JSON_TYPE);
    }

    @SuppressWarnings("unchecked")
    private List<String> judge(Operation operation, Sent sent, SchemaFuzz fuzz) {
        Answer answer = sent.answer();
        List<String> problems = new ArrayList<>();
        String code = Integer.toString(answer.status());
        if (answer.status() >= 500) {
            problems.add(code + " " + abbreviate(answer.body()));
        }
        Matcher internals = INTERNALS.matcher(answer.body());
        if (internals.find()) {
            problems.add(code + " names internals (" + internals.group() + "): " + abbreviate(answer.body()));
        }
        Map<String, Object> responses = operation.responses();
        boolean documented = responses.containsKey(code)
                || (answer.status() >= 400 && responses.containsKey(code.charAt(0) + "XX"))
                || responses.containsKey("default");
        if (!documented) {
            problems.add(
                    "answered " + code + ", which the document does not list (it lists " + responses.keySet() + ")");
        }
        boolean json = answer.contentType().startsWith("application/json");
        if (answer.status() >= 400) {
            problems.addAll(errorShape(code, answer, json));
        } else if (documented && json && !answer.body().isBlank()) {
            Map<String, Object> response = (Map<String, Object>) responses.get(code);
            Map<String, Object> content =
                    response == null ? Map.of() : (Map<String, Object>) response.getOrDefault("content", Map.of());
            Map<String, Object> documentedJson = (Map<String, Object>) content.get("application/json");
            if (documentedJson != null && documentedJson.get("schema") instanceof Map<?, ?> schema) {
                try {
                    problems.addAll(fuzz.mismatches(
                            (Map<String, Object>) schema, mapper.readTree(answer.body()), code + " body"));
                } catch (Exception e) {
                    problems.add(code + " body is not JSON: " + abbreviate(answer.body()));
                }
            }
        }
        return problems;
    }

    private List<String> errorShape(String code, Answer answer, boolean json) {
        if (!json) {
            return List.of(
                    code + " is " + answer.contentType() + ", not the JSON error shape: " + abbreviate(answer.body()));
        }
        try {
            JsonNode error = mapper.readTree(answer.body());
            boolean shaped = error.path("error").isTextual()
                    && error.path("message").isTextual()
                    && (error.path("fields").isMissingNode()
                            || error.path("fields").isObject());
            return shaped ? List.of() : List.of(code + " not in the error shape: " + abbreviate(answer.body()));
        } catch (Exception e) {
            return List.of(code + " body is not JSON: " + abbreviate(answer.body()));
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 240 ? flat.substring(0, 240) + "…" : flat;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Answer exchange(MutableHttpRequest<?> request) {
        try {
            HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
            return new Answer(
                    response.code(),
                    contentType(response),
                    response.getBody(String.class).orElse(""));
        } catch (HttpClientResponseException e) {
            return new Answer(
                    e.code(),
                    contentType(e.getResponse()),
                    e.getResponse().getBody(String.class).orElse(""));
        } catch (io.micronaut.http.client.exceptions.HttpClientException e) {
            // the client itself would not send it (e.g. a NUL in a part's file name): nothing reached the app
            return new Answer(0, "", "not sent: " + e.getMessage());
        }
    }

    private static String contentType(HttpResponse<?> response) {
        return response.getContentType().map(MediaType::toString).orElse("");
    }

    private int status(MutableHttpRequest<?> request) {
        return exchange(request.header("Host", hostOf(university.subdomain()))).status();
    }

    // ---------------------------------------------------------------- every HTML form

    /** Stands in a form's values for a file input, followed by which file (0: an ordinary PNG). */
    private static final String FILE = "\u0000file:";

    private static final List<HostileFile> HOSTILE_FILES = HostileFile.corpus();

    record Form(String caller, String page, String method, String action, String enctype, List<Element> fields) {
        String key() {
            return caller + " " + method + " " + action.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}|\\d+", "{id}");
        }
    }

    @Test
    void everyFormSurvivesFuzzedValuesAndNeverShowsMarkupUnescaped() {
        SchemaFuzz fuzz = new SchemaFuzz(Map.of(), SEED);
        Set<String> problems = new TreeSet<>();
        Map<String, Form> forms = new LinkedHashMap<>();
        List<String> pages = pagesOfTheRouter();
        for (Caller caller : callers.values()) {
            for (String page : pages) {
                Answer answer = browse(caller, "GET", page, null, null);
                check(caller.name + " GET " + page, answer, problems);
                if (answer.status() == 200 && answer.contentType().startsWith("text/html")) {
                    formsOf(caller.name, page, answer.body()).forEach(form -> forms.putIfAbsent(form.key(), form));
                }
            }
        }
        int submissions = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int tries = Math.max(3, TRIES / 2);
        for (Form form : forms.values()) {
            Caller caller = callers.get(form.caller());
            for (int attempt = 0; attempt < tries; attempt++) {
                Map<String, String> values = values(form, caller, fuzz, attempt == 0);
                String what = form.caller() + " " + form.method() + " " + form.action() + " " + values;
                Answer answer = browse(caller, form.method(), form.action(), values, form.enctype());
                submissions++;
                if (statuses.merge(answer.status(), 1, Integer::sum) <= 2) {
                    System.out.printf(
                            "Form fuzz example %d: %s → %s%n",
                            answer.status(), abbreviate(what), abbreviate(answer.body()));
                }
                check(what, answer, problems);
                if (answer.status() == 303
                        && answer.body().startsWith("/")
                        && !answer.body().startsWith("/signin")) {
                    check(what + " → " + answer.body(), browse(caller, "GET", answer.body(), null, null), problems);
                }
                if (answer.status() == 401
                        || answer.status() == 303 && answer.body().startsWith("/signin")) {
                    caller.renew();
                }
            }
        }
        // what the fuzzed forms stored, shown again on every page
        for (Caller caller : callers.values()) {
            for (String page : pages) {
                check(
                        caller.name + " GET " + page + " after the fuzzing",
                        browse(caller, "GET", page, null, null),
                        problems);
            }
        }
        System.out.printf(
                "Form fuzz: %d pages, %d forms, %d submissions (seed %d), answers %s, %d problems%n",
                pages.size(), forms.size(), submissions, SEED, statuses, problems.size());
        assertThat(forms.size()).as("forms found").isGreaterThan(10);
        assertThat(problems).isEmpty();
    }

    /** Every page route of the router, its path variables filled with the university's objects. */
    private List<String> pagesOfTheRouter() {
        Set<String> pages = new LinkedHashSet<>();
        router.uriRoutes()
                .filter(route -> route.getHttpMethod() == HttpMethod.GET)
                .map(UriRouteInfo::getUriMatchTemplate)
                .map(template -> template.toString().replaceAll("\\{[?&][^}]*}", ""))
                .filter(template ->
                        !NOT_A_PAGE.matcher(template.isEmpty() ? "/" : template).matches())
                .forEach(template -> {
                    if (!template.contains("{")) {
                        pages.add(template.isEmpty() ? "/" : template);
                    } else if (template.matches("[^{]*\\{slug[^}]*}[^{]*")) {
                        SLUGS.forEach(slug -> pages.add(template.replaceAll("\\{slug[^}]*}", slug)));
                    } else if (template.matches("[^{]*\\{[A-Za-z]*[iI]d[^}]*}[^{]*")) {
                        knownIds.forEach(id -> pages.add(template.replaceAll("\\{[^}]*}", id)));
                    }
                });
        return List.copyOf(pages);
    }

    private List<Form> formsOf(String caller, String page, String html) {
        Document document = Jsoup.parse(html, "http://" + hostOf(university.subdomain()) + page);
        List<Form> forms = new ArrayList<>();
        for (Element form : document.select("form")) {
            String action = form.attr("action").isBlank() ? page : form.attr("action");
            if (!action.startsWith("/")
                    || SESSION_ENDING_FORM
                            .matcher(action.replaceAll("\\?.*", ""))
                            .matches()) {
                continue;
            }
            forms.add(new Form(
                    caller,
                    page,
                    form.attr("method").isBlank() ? "GET" : form.attr("method").toUpperCase(Locale.ROOT),
                    action,
                    form.attr("enctype"),
                    form.select("input[name], textarea[name], select[name]")));
        }
        return forms;
    }

    /** The form's values: as the page gave them on the first try, then fuzzed (the CSRF token kept). */
    private Map<String, String> values(Form form, Caller caller, SchemaFuzz fuzz, boolean asGiven) {
        Map<String, String> values = new LinkedHashMap<>();
        Random random = fuzz.random();
        for (Element field : form.fields()) {
            String name = field.attr("name");
            String given = field.tagName().equals("select")
                    ? field.select("option").stream()
                            .map(option -> option.attr("value"))
                            .findFirst()
                            .orElse("")
                    : field.tagName().equals("textarea") ? field.text() : field.attr("value");
            if (name.equals("csrf")) {
                values.put(name, caller.session.csrf());
            } else if (field.attr("type").equalsIgnoreCase("file")) {
                values.put(name, FILE + (asGiven ? 0 : 1 + random.nextInt(HOSTILE_FILES.size())));
            } else if (asGiven || random.nextInt(4) == 0) {
                values.putIfAbsent(name, given);
            } else if (random.nextInt(3) == 0) {
                values.put(name, given + SchemaFuzz.MARKER);
            } else {
                values.put(name, fuzz.text());
            }
        }
        return values;
    }

    private Answer browse(Caller caller, String method, String path, Map<String, String> form, String enctype) {
        MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.parse(method), path);
        if (form != null && method.equals("GET")) {
            StringBuilder query = new StringBuilder(path.contains("?") ? "&" : "?");
            form.forEach((name, value) ->
                    query.append(encode(name)).append('=').append(encode(value)).append('&'));
            request = HttpRequest.create(HttpMethod.GET, path + query);
        } else if (form != null && "multipart/form-data".equalsIgnoreCase(enctype)) {
            List<RawExchange.Part> parts = new ArrayList<>();
            form.forEach((name, value) -> {
                if (value.startsWith(FILE)) {
                    int which = Integer.parseInt(value.substring(FILE.length()));
                    HostileFile file = which == 0 ? HostileFile.tinyPng() : HOSTILE_FILES.get(which - 1);
                    parts.add(new RawExchange.Part(name, file.name(), file.declaredType(), file.bytes()));
                } else {
                    parts.add(RawExchange.Part.field(name, value));
                }
            });
            RawExchange.Answer raw = RawExchange.send(
                    server.getPort(),
                    method,
                    path,
                    Map.of(
                            "Host",
                            hostOf(university.subdomain()),
                            "Cookie",
                            caller.session.cookie(),
                            "Accept",
                            "text/html",
                            "Content-Type",
                            "multipart/form-data; boundary=formBoundary"),
                    RawExchange.multipart("formBoundary", parts));
            return new Answer(raw.status(), raw.contentType(), raw.status() / 100 == 3 ? raw.location() : raw.body());
        } else if (form != null) {
            StringBuilder body = new StringBuilder();
            form.forEach((name, value) ->
                    body.append(encode(name)).append('=').append(encode(value)).append('&'));
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).body(body.toString());
        }
        request.header("Host", hostOf(university.subdomain()))
                .header("Cookie", caller.session.cookie())
                .accept(MediaType.TEXT_HTML_TYPE);
        try {
            HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
            return new Answer(response.code(), contentType(response), bodyOrLocation(response));
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), contentType(e.getResponse()), bodyOrLocation(e.getResponse()));
        }
    }

    /** The body, or for a redirect where it goes. */
    private static String bodyOrLocation(HttpResponse<?> response) {
        if (response.code() >= 300 && response.code() < 400) {
            return response.getHeaders().get("Location") == null
                    ? ""
                    : response.getHeaders().get("Location");
        }
        return response.getBody(String.class).orElse("");
    }

    private static void check(String what, Answer answer, Set<String> problems) {
        String where = what.length() > 400 ? what.substring(0, 400) + "…" : what;
        if (answer.status() >= 500) {
            problems.add(where + ": " + answer.status() + " " + abbreviate(answer.body()));
        }
        if (answer.contentType().startsWith("text/html") && answer.body().contains(SchemaFuzz.MARKER)) {
            problems.add(where + ": shows " + SchemaFuzz.MARKER + " unescaped");
        }
        Matcher internals = INTERNALS.matcher(answer.body());
        if (internals.find()) {
            problems.add(where + ": names internals (" + internals.group() + ")");
        }
    }

    // ---------------------------------------------------------------- hostile uploads

    /**
     * Every route that takes multipart (found by the router, so later upload endpoints are covered)
     * gets every file of the hostile corpus as each caller, its file parts named as the controller
     * names them and its other parts filled as the app's own forms fill fields of that name. Each
     * answer is a clear refusal or an acceptance that stored nothing dangerous: afterwards no answer
     * of any download or photo route serves the corpus's script as HTML, SVG or XML, inline, or
     * without nosniff, nor under a client's file name.
     */
    @Test
    void everyUploadEndpointRefusesOrNeutralisesTheHostileCorpus() {
        Map<String, String> given = new HashMap<>();
        for (Caller caller : callers.values()) {
            for (String page : pagesOfTheRouter()) {
                if (page.contains(knownIds.get(0)) || page.matches(".*/\\d+.*")) {
                    continue;
                }
                Answer answer = browse(caller, "GET", page, null, null);
                if (answer.status() == 200 && answer.contentType().startsWith("text/html")) {
                    for (Form form : formsOf(caller.name, page, answer.body())) {
                        for (Element field : form.fields()) {
                            String value = field.tagName().equals("select")
                                    ? field.select("option").stream()
                                            .map(option -> option.attr("value"))
                                            .filter(option -> !option.isBlank())
                                            .findFirst()
                                            .orElse("")
                                    : field.attr("value");
                            given.putIfAbsent(field.attr("name"), value.isBlank() ? "Hostile upload test" : value);
                        }
                    }
                }
            }
        }
        Set<String> problems = new TreeSet<>();
        int endpoints = 0;
        int uploads = 0;
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
                .filter(route -> route.getConsumes().contains(MediaType.MULTIPART_FORM_DATA_TYPE))
                .<UriRouteInfo<?, ?>>map(route -> route)
                .toList();
        for (UriRouteInfo<?, ?> route : routes) {
            endpoints++;
            Map<String, Boolean> parts = new LinkedHashMap<>(); // name → is a file
            for (io.micronaut.core.type.Argument<?> argument :
                    route.getTargetMethod().getArguments()) {
                String part = argument.getAnnotationMetadata()
                        .stringValue(io.micronaut.http.annotation.Part.class)
                        .orElse(argument.getName());
                boolean file = io.micronaut.http.multipart.FileUpload.class.isAssignableFrom(argument.getType())
                        || io.micronaut.http.multipart.StreamingFileUpload.class.isAssignableFrom(argument.getType());
                if (file || argument.getAnnotationMetadata().hasAnnotation(io.micronaut.http.annotation.Part.class)) {
                    parts.put(part, file);
                }
            }
            if (!parts.containsValue(true)) {
                parts.put("file", true);
            }
            String template = route.getUriMatchTemplate().toString().replaceAll("\\{[?&][^}]*}", "");
            String path = template.replaceAll("\\{[^}]*}", knownIds.get(2));
            for (Caller caller : callers.values()) {
                for (HostileFile file : HOSTILE_FILES) {
                    List<RawExchange.Part> body = new ArrayList<>();
                    parts.forEach((name, isFile) -> body.add(
                            isFile
                                    ? new RawExchange.Part(name, file.name(), file.declaredType(), file.bytes())
                                    : RawExchange.Part.field(name, given.getOrDefault(name, "Hostile upload test"))));
                    RawExchange.Answer raw = RawExchange.send(
                            server.getPort(),
                            route.getHttpMethod().name(),
                            path,
                            Map.of(
                                    "Host",
                                    hostOf(university.subdomain()),
                                    "Authorization",
                                    caller.session.bearer(),
                                    "Accept",
                                    path.startsWith("/api/") ? "application/json" : "text/html",
                                    "Content-Type",
                                    "multipart/form-data; boundary=hostileBoundary"),
                            RawExchange.multipart("hostileBoundary", body));
                    Answer answer = new Answer(raw.status(), raw.contentType(), raw.body());
                    uploads++;
                    String what = caller.name + " " + route.getHttpMethod() + " " + path + " with " + file;
                    check(what, answer, problems);
                    if (answer.status() < 400
                            && dangerous(answer.body())
                            && !answer.contentType().startsWith("application/json")) {
                        problems.add(what + ": answered the file's script back as " + answer.contentType());
                    }
                    System.out.printf("Upload %s → %d %s%n", what, answer.status(), abbreviate(answer.body()));
                }
            }
        }
        // whatever was kept, served back: never active content
        int served = 0;
        long maxResource = count("SELECT coalesce(max(id), 0) FROM resources WHERE university_id = ?", university.id());
        List<String> ids = new ArrayList<>(knownIds);
        for (long id = 1; id <= maxResource; id++) {
            ids.add(Long.toString(id));
        }
        for (String template : router.uriRoutes()
                .filter(route -> route.getHttpMethod() == HttpMethod.GET)
                .map(route -> route.getUriMatchTemplate().toString())
                .filter(template -> template.matches(".*\\{[A-Za-z]*[iI]d[^}]*}.*"))
                .filter(template -> template.contains("download") || template.contains("photo"))
                .toList()) {
            for (String id : ids) {
                for (Caller caller : callers.values()) {
                    HttpResponse<String> response = raw(template.replaceAll("\\{[^}]*}", id), caller);
                    served++;
                    problems.addAll(servedDangerously(template + " " + id, response));
                }
            }
        }
        System.out.printf(
                "Hostile uploads: %d endpoints, %d files, %d uploads, %d answers of download routes checked, %d problems%n",
                endpoints, HOSTILE_FILES.size(), uploads, served, problems.size());
        assertThat(endpoints).as("upload endpoints found").isGreaterThanOrEqualTo(3);
        assertThat(problems).isEmpty();
    }

    private static boolean dangerous(String body) {
        return body.contains("<script>alert(document.cookie)") || body.contains("onload=\"alert");
    }

    private HttpResponse<String> raw(String path, Caller caller) {
        MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.GET, path);
        request.header("Host", hostOf(university.subdomain())).header("Cookie", caller.session.cookie());
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> failed = (HttpResponse<String>) e.getResponse();
            return failed;
        }
    }

    private static List<String> servedDangerously(String what, HttpResponse<String> response) {
        List<String> problems = new ArrayList<>();
        String body = response.getBody(String.class).orElse("");
        String type =
                response.getContentType().map(MediaType::toString).orElse("").toLowerCase(Locale.ROOT);
        String disposition = response.getHeaders().get("Content-Disposition");
        if (response.code() >= 500) {
            problems.add(what + ": " + response.code());
        }
        if (response.code() == 200 && dangerous(body)) {
            if (type.contains("html") || type.contains("svg") || type.contains("xml")) {
                problems.add(what + ": serves the uploaded script as " + type);
            }
            if (disposition == null || !disposition.startsWith("attachment")) {
                problems.add(what + ": serves the uploaded script inline");
            }
        }
        if (response.code() == 200 && !"nosniff".equals(response.getHeaders().get("X-Content-Type-Options"))) {
            problems.add(what + ": served without nosniff");
        }
        if (disposition != null
                && (disposition.contains("..") || disposition.contains("/") || disposition.contains("\\"))) {
            problems.add(what + ": names the download after the client's path: " + disposition);
        }
        return problems;
    }
}
