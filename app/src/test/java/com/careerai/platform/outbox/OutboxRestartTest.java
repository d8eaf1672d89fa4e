package com.careerai.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.NewUniversity;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.testing.IntegrationTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "Kill between commit and delivery": a node records and commits an event and stops before
 * anything delivers it (after-commit action {@code nothing}, as if the process died right after
 * commit); a new node on the same database delivers it through the recurring relay, once.
 */
class OutboxRestartTest {

    @Test
    @SuppressWarnings("unchecked")
    void anEventCommittedByANodeThatDiedIsDeliveredOnceAfterRestart() throws SQLException {
        Map<String, Object> properties = new HashMap<>(IntegrationTest.baseProperties());
        properties.put("spec.name", "outbox");
        String url = (String) properties.get("datasources.default.url");

        Map<String, Object> dying = new HashMap<>(properties);
        dying.put("careerai.roles", "web");
        dying.put("careerai.outbox.after-commit", "nothing");
        UUID event;
        long universityId;
        try (ApplicationContext node = ApplicationContext.run(dying, "test")) {
            execute(url, TestListeners.CREATE_TABLE);
            University university = node.getBean(UniversityAdministration.class)
                    .createIfAbsent(new NewUniversity(
                            "Restart University", "restart", List.of("restart.edu"), 0, 0, "#1F4E79", null));
            universityId = university.id();
            TransactionOperations<Connection> transactions = node.getBean(TransactionOperations.class);
            Outbox outbox = node.getBean(Outbox.class);
            event = node.getBean(UnitOfWork.class)
                    .inUniversity(
                            university.id(),
                            () -> outbox.record(university.id(), new ThingHappened("survives-restart", 0)));
        }
        assertThat(number(url, "SELECT count(*) FROM outbox_events WHERE id = ? AND delivered_at IS NULL", event))
                .as("committed, never delivered")
                .isEqualTo(1);
        assertThat(number(url, "SELECT count(*) FROM test_outbox_effects WHERE event_id = ?", event))
                .isZero();

        Map<String, Object> restarted = new HashMap<>(properties);
        restarted.put("careerai.roles", "web,worker");
        restarted.put("careerai.outbox.relay-after", "1s");
        restarted.put("careerai.outbox.relay-interval", "5s");
        try (ApplicationContext node = ApplicationContext.run(restarted, "test")) {
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> number(
                                    url,
                                    "SELECT count(*) FROM outbox_events WHERE id = ? AND delivered_at IS NOT NULL",
                                    event)
                            == 1);
            assertThat(number(url, "SELECT count(*) FROM test_outbox_effects WHERE event_id = ?", event))
                    .as("each of the two listeners acted once")
                    .isEqualTo(2);

            OutboxRelay relay = node.getBean(OutboxRelay.class);
            assertThat(relay.relayLost())
                    .as("a delivered event is not relayed again")
                    .isZero();
            relay.deliver(universityId, event);
            assertThat(number(url, "SELECT count(*) FROM test_outbox_effects WHERE event_id = ?", event))
                    .as("a late second delivery changes nothing")
                    .isEqualTo(2);
        }
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long number(String url, String sql, Object parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
