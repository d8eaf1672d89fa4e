package com.careerai.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.careerai.tenancy.University;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.TestMailServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An email is sent under a lease on its delivery row, not under a row lock held through the SMTP
 * conversation (issue 19): an attempt that finds a live lease sends nothing and is retried later; a
 * crashed sender's lease expires and the next attempt sends; once SENT, no attempt sends again; many
 * attempts at once send one email. Against a real SMTP server (GreenMail); the events are delivered
 * by the test (after-commit action {@code nothing}), each call standing for one delivery attempt.
 */
@MicronautTest(transactional = false)
class MailLeaseTest extends IntegrationTest {
    final TestMailServer server = TestMailServer.start();

    @Inject
    Mail mail;

    @Inject
    MailSender sender;

    @Inject
    Fixtures fixtures;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(server.properties());
        properties.put("careerai.outbox.after-commit", "nothing");
        return properties;
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aLiveLeaseKeepsOtherAttemptsFromSendingUntilItExpires() {
        University university = fixtures.university();
        String to = "lease@" + university.allowedDomains().get(0);
        MailQueued queued = queue(university, to);
        // a sender took the lease and died mid-send
        execute("UPDATE mail_deliveries SET lease_until = now() + interval '1 hour' WHERE id = ?", queued.deliveryId());

        MailBeingSentException busy =
                catchThrowableOfType(MailBeingSentException.class, () -> deliver(university, queued));
        assertThat(busy).as("an attempt that finds a live lease is told so").isNotNull();
        fixtures.run(university, () -> sender.failed(university.id(), UUID.randomUUID(), queued, busy));
        assertThat(server.messagesTo(to)).isEmpty();
        MailDelivery waiting = delivery(university, queued);
        assertThat(waiting.status())
                .as("another attempt's lease is no failure of the email")
                .isEqualTo(MailDelivery.Status.QUEUED);
        assertThat(waiting.lastError()).isNull();

        execute(
                "UPDATE mail_deliveries SET lease_until = now() - interval '1 second' WHERE id = ?",
                queued.deliveryId());
        deliver(university, queued);
        assertThat(server.messagesTo(to)).hasSize(1);
        MailDelivery sent = delivery(university, queued);
        assertThat(sent.status()).isEqualTo(MailDelivery.Status.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM mail_deliveries WHERE id = ? AND lease_until IS NULL",
                        queued.deliveryId()))
                .as("SENT clears the lease")
                .isEqualTo(1);

        deliver(university, queued);
        assertThat(server.messagesTo(to))
                .as("a delivery after SENT sends nothing")
                .hasSize(1);
    }

    @Test
    void attemptsAtOnceSendTheEmailOnce() throws Exception {
        University university = fixtures.university();
        String to = "once@" + university.allowedDomains().get(0);
        MailQueued queued = queue(university, to);
        int attempts = 6;
        CyclicBarrier start = new CyclicBarrier(attempts);
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                outcomes.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        deliver(university, queued);
                        return "returned";
                    } catch (MailBeingSentException e) {
                        return "busy";
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertThat(results).contains("returned");
        } finally {
            threads.shutdownNow();
        }
        assertThat(server.messagesTo(to)).hasSize(1);
        assertThat(delivery(university, queued).status()).isEqualTo(MailDelivery.Status.SENT);
        deliver(university, queued);
        assertThat(server.messagesTo(to)).hasSize(1);
    }

    private MailQueued queue(University university, String to) {
        Map<String, String> model = Map.of("role", "staff", "roleArticle", "a staff member");
        long id =
                fixtures.in(university, () -> mail.send(university.id(), to, MailTemplate.INVITATION, model, Map.of()));
        return new MailQueued(id, to, MailTemplate.INVITATION, model, Map.of(), List.of());
    }

    private void deliver(University university, MailQueued queued) {
        fixtures.run(university, () -> sender.on(university.id(), UUID.randomUUID(), queued));
    }

    private MailDelivery delivery(University university, MailQueued queued) {
        return fixtures.in(university, () -> mail.find(university.id(), queued.deliveryId()))
                .orElseThrow();
    }
}
