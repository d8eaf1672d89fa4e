package com.careerai.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.credits.Http;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestMailServer;
import com.careerai.testing.TestSessions;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The platform site's {@code /contact} (bare base domain, no university): a sales lead stored in the
 * platform table only the platform functions reach, emailed to the operators; 422 with field messages;
 * a bot filling the honeypot is answered as a person and nothing is kept.
 */
@MicronautTest(transactional = false)
class SalesContactTest extends IntegrationTest {
    static final String OPERATORS = "sales@careerai.test";

    final TestMailServer mail = TestMailServer.start();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestSessions sessions;

    @Inject
    SalesLeads salesLeads;

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    io.micronaut.jdbc.DataSourceResolver resolver;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(mail.properties());
        properties.put("micronaut.http.client.follow-redirects", "false");
        properties.put("careerai.leads.sales-email", OPERATORS);
        return properties;
    }

    @AfterAll
    void stop() {
        mail.close();
    }

    HttpResponse<String> post(TestSessions.Anonymous visitor, String form) {
        return Http.exchange(
                client,
                HttpRequest.POST("/contact", form + "&csrf=" + visitor.csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .header("Host", BASE_DOMAIN)
                        .header("Cookie", visitor.cookie()));
    }

    List<SalesLead> recent(String email) {
        return salesLeads.since(Instant.now().minus(1, ChronoUnit.HOURS), 1000).stream()
                .filter(lead -> lead.email().equals(email))
                .toList();
    }

    @Test
    void theBaseDomainContactFormStoresASalesLeadAndEmailsTheOperators() throws Exception {
        HttpResponse<String> page =
                Http.exchange(client, HttpRequest.GET("/contact").header("Host", BASE_DOMAIN));
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body())
                .contains("Bring CareerAI to your university")
                .contains("name=\"organisation\"")
                .contains("name=\"website\"")
                .contains("<link rel=\"canonical\" href=\"http://" + BASE_DOMAIN);

        String email = "dean-" + UUID.randomUUID().toString().substring(0, 8) + "@example.edu";
        TestSessions.Anonymous visitor = sessions.anonymous();
        HttpResponse<String> sent = post(
                visitor,
                "name=Grace+Dean&email=" + email + "&phone=%2B447911123456&organisation=Example+University"
                        + "&message=About+12000+students&consent=yes&website=");
        assertThat(sent.code()).as(sent.body()).isEqualTo(303);
        assertThat(sent.header("Location")).isEqualTo("/contact?sent=1");

        List<SalesLead> stored = recent(email);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).organisation()).isEqualTo("Example University");
        assertThat(stored.get(0).phone()).isEqualTo("+447911123456");
        String text = TestMailServer.text(mail.awaitNext(OPERATORS));
        assertThat(text).contains("Grace Dean").contains(email).contains("About 12000 students");

        // platform data: the application role cannot read the table, only call the functions
        assertThatThrownBy(() -> {
                    try (java.sql.Connection connection =
                                    resolver.resolve(dataSource).getConnection();
                            java.sql.Statement statement = connection.createStatement()) {
                        statement
                                .executeQuery("SELECT count(*) FROM sales_leads")
                                .close();
                    }
                })
                .hasMessageContaining("permission denied");
    }

    @Test
    void invalidInputIsReRenderedWith422AndABotIsAnsweredAsAPerson() {
        TestSessions.Anonymous visitor = sessions.anonymous();
        HttpResponse<String> invalid =
                post(visitor, "name=Kept+Name&email=nope&phone=123&organisation=&message=&consent=");
        assertThat(invalid.code()).isEqualTo(422);
        assertThat(invalid.body())
                .contains("value=\"Kept Name\"")
                .contains("Enter an email address")
                .contains("Enter your university or organisation")
                .contains("country code")
                .contains("Tick the box");

        String email = "bot-" + UUID.randomUUID().toString().substring(0, 8) + "@example.edu";
        HttpResponse<String> bot = post(
                visitor,
                "name=Bot&email=" + email + "&organisation=Spam+Inc&consent=yes&website=http%3A%2F%2Fspam.example");
        assertThat(bot.code()).isEqualTo(303);
        assertThat(recent(email)).isEmpty();
    }
}
