package com.careerai.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.platform.embedded.AppDatabaseRoles;
import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * While an email's SMTP conversation lasts, its delivery holds no connection of the application's
 * pool (issue 19: it held one, inside the outbox's transaction, for the whole conversation — up to
 * 12 of a node's 20 connections waited on SMTP). The mail server here accepts the connection and
 * never greets, so the conversation lasts until the read time-out; a send that fails so gives its
 * lease up for the next attempt.
 */
@MicronautTest(transactional = false)
class MailSendHoldsNoConnectionTest extends IntegrationTest {
    final SilentMailServer server = new SilentMailServer();

    @Inject
    Mail mail;

    @Inject
    Fixtures fixtures;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "careerai.mail.smtp-host", "127.0.0.1",
                "careerai.mail.smtp-port", Integer.toString(server.port()),
                "careerai.mail.smtp-starttls", "false",
                "careerai.mail.connect-timeout", "2s",
                "careerai.mail.read-timeout", "3s");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theSmtpConversationHoldsNoPooledConnection() throws InterruptedException {
        University university = fixtures.university();
        long id = fixtures.in(
                university,
                () -> mail.send(
                        university.id(),
                        "slow@" + university.allowedDomains().get(0),
                        MailTemplate.INVITATION,
                        Map.of("role", "staff", "roleArticle", "a staff member"),
                        Map.of()));
        assertThat(server.connected.await(20, TimeUnit.SECONDS))
                .as("the delivery after commit reached the mail server")
                .isTrue();
        assertThat(count(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND usename = ? AND state <> 'idle'",
                        AppDatabaseRoles.APP_LOGIN))
                .as("connections of the application in use (or in a transaction) while SMTP waits")
                .isZero();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(fixtures.in(university, () -> mail.find(university.id(), id))
                                .orElseThrow()
                                .status())
                        .isEqualTo(MailDelivery.Status.FAILED));
        assertThat(count("SELECT count(*) FROM mail_deliveries WHERE id = ? AND lease_until IS NULL", id))
                .as("a failed send gives its lease up")
                .isEqualTo(1);
    }

    /** Accepts SMTP connections and says nothing: the client waits for a greeting until its time-out. */
    static final class SilentMailServer implements AutoCloseable {
        final CountDownLatch connected = new CountDownLatch(1);
        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentMailServer() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(this::accept, "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    accepted.add(socket.accept());
                    connected.countDown();
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
                for (Socket connection : accepted) {
                    connection.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
