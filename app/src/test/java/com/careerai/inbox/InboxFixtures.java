package com.careerai.inbox;

import com.careerai.auth.User;
import com.careerai.notifications.Notice;
import com.careerai.notifications.NoticeKind;
import com.careerai.notifications.Notifications;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.University;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Notices published as a feature publishes them, and the test's own owner connection for bulk rows. */
@Singleton
class InboxFixtures {
    private final Notifications notifications;
    private final UnitOfWork units;
    private final String databaseUrl;

    InboxFixtures(
            Notifications notifications, UnitOfWork units, @Value("${datasources.default.url}") String databaseUrl) {
        this.notifications = notifications;
        this.units = units;
        this.databaseUrl = databaseUrl;
    }

    static Notice notice(NoticeKind kind, String title, boolean important) {
        return new Notice(kind, title, "About " + title, "/runs", important);
    }

    /** Publishes the notices in one transaction of the university, as a feature's change would; their event ids. */
    List<UUID> publish(University university, User user, Notice... notices) {
        return units.inUniversity(university.id(), () -> {
            List<UUID> ids = new ArrayList<>();
            for (Notice notice : notices) {
                ids.add(notifications.publish(university.id(), user.id(), notice));
            }
            return ids;
        });
    }

    /** Runs a statement as the database owner (outside the tenant wall), for bulk set-up and crash simulation. */
    int asOwner(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "postgres", "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
