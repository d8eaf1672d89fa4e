package com.careerai.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A send that fails is visible (delivery row FAILED with the error, retried through the outbox's
 * JobRunr job), and a sealed secret never rests in the database in clear.
 */
@MicronautTest(transactional = false)
class MailDeliveryTest extends IntegrationTest {
    @Inject
    Mail mail;

    @Inject
    Fixtures fixtures;

    @Inject
    SealedValues sealedValues;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver dataSourceResolver;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "careerai.roles", "web,worker",
                "careerai.mail.smtp-host", "127.0.0.1",
                "careerai.mail.smtp-port", Integer.toString(closedPort()),
                "careerai.mail.smtp-starttls", "false",
                "careerai.mail.connect-timeout", "2s");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailedSendIsRecordedWithItsErrorAndKeptForRetry() {
        University university = fixtures.university();
        // Read in the transaction that records the send: the outbox delivers only after its commit.
        // Read after the commit, the send to the closed port may already have failed (a fast machine).
        MailDelivery recorded = fixtures.in(
                university,
                () -> transactions.executeWrite(status -> {
                    long sent = mail.send(
                            university.id(),
                            "nobody@" + university.allowedDomains().get(0),
                            MailTemplate.SIGN_IN_CODE,
                            Map.of("minutes", "10"),
                            Map.of("code", "123456"));
                    return mail.find(university.id(), sent).orElseThrow();
                }));
        long id = recorded.id();
        assertThat(recorded.status()).isEqualTo(MailDelivery.Status.QUEUED);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // Awaitility polls on a thread of its own: bind there.
            MailDelivery delivery = fixtures.in(university, () -> mail.find(university.id(), id))
                    .orElseThrow();
            assertThat(delivery.status()).isEqualTo(MailDelivery.Status.FAILED);
            assertThat(delivery.attempts()).isGreaterThanOrEqualTo(1);
            assertThat(delivery.lastError()).contains("SMTP send failed");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jobStates(id))
                .as("the outbox's JobRunr job retries it")
                .isNotEmpty()
                .doesNotContain("SUCCEEDED"));
        assertThat(fixtures.in(
                        university,
                        () -> queryOne("SELECT last_error FROM outbox_events WHERE payload->>'deliveryId' = ?", id)))
                .contains("SMTP send failed");
    }

    @Test
    void secretsAreSealedInTheOutbox() {
        University university = fixtures.university();
        long id = fixtures.in(
                university,
                () -> mail.send(
                        university.id(),
                        "x@" + university.allowedDomains().get(0),
                        MailTemplate.SIGN_IN_CODE,
                        Map.of("minutes", "10"),
                        Map.of("code", "918273")));
        String payload = fixtures.in(
                university,
                () -> queryOne("SELECT payload::text FROM outbox_events WHERE payload->>'deliveryId' = ?", id));
        assertThat(payload).contains("SIGN_IN_CODE").contains("\"sealed\"").doesNotContain("918273");
    }

    @Test
    void sealedValuesOpenOnlyUntampered() {
        String sealed = sealedValues.seal("654321");
        assertThat(sealed).doesNotContain("654321");
        assertThat(sealedValues.open(sealed)).isEqualTo("654321");
        String tampered = (sealed.charAt(20) == 'A' ? "B" : "A");
        String forged = sealed.substring(0, 20) + tampered + sealed.substring(21);
        assertThatThrownBy(() -> sealedValues.open(forged)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void deliveriesOfOneUniversityAreInvisibleToAnother() {
        University a = fixtures.university();
        University b = fixtures.university();
        CrossTenant.assertInvisible(
                a,
                b,
                uni -> mail.send(
                        uni.id(),
                        "p@" + uni.allowedDomains().get(0),
                        MailTemplate.INVITATION,
                        Map.of("role", "staff", "roleArticle", "a staff member"),
                        Map.of()),
                (uni, id) -> mail.find(uni.id(), id));
        CrossTenant.assertInvisible(
                a,
                b,
                uni -> {
                    mail.send(
                            uni.id(),
                            "same@person.org",
                            MailTemplate.INVITATION,
                            Map.of("role", "staff", "roleArticle", "a staff member"),
                            Map.of());
                    return "same@person.org";
                },
                (uni, recipient) -> mail.sentTo(uni.id(), recipient).stream()
                        .filter(delivery -> delivery.universityId() == a.id())
                        .toList());
    }

    /** States of the outbox delivery job of the email's event. */
    private String jobStates(long deliveryId) {
        String eventId = queryOne("SELECT id::text FROM outbox_events WHERE payload->>'deliveryId' = ?", deliveryId);
        return query("SELECT string_agg(state, ',') FROM jobrunr_jobs WHERE jobasjson LIKE ?", "%" + eventId + "%");
    }

    private String queryOne(String sql, long deliveryId) {
        return query(sql, Long.toString(deliveryId));
    }

    /** First column of the first row, or "". */
    private String query(String sql, String parameter) {
        try (Connection connection = dataSourceResolver.resolve(dataSource).getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getString(1) != null ? rows.getString(1) : "";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
