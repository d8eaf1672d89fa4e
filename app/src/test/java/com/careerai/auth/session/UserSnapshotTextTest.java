package com.careerai.auth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user row written as Redis keeps it and read back is the same row, whatever its text holds. */
class UserSnapshotTextTest {
    private static final User FULL = new User(
            42L,
            7L,
            "zoë.o'neil+1@uni.example",
            "Zoë “Z” 12:34 | -5: 🎓",
            Role.COUNSELLOR,
            true,
            "google-oauth2|0123456789",
            Instant.parse("2026-01-02T03:04:05.123456Z"),
            Instant.ofEpochSecond(-5, 999_999_999),
            Instant.parse("2026-12-03T22:00:00Z"),
            Instant.ofEpochSecond(0),
            true);
    private static final User BARE =
            new User(1L, 2L, "a@b.c", null, Role.STUDENT, false, null, null, null, null, null, false);

    @Test
    void everyRowReadsBackAsItWasWritten() {
        List<User> rows = List.of(
                FULL,
                BARE,
                new User(null, 3L, "", "", Role.STAFF, false, "", null, Instant.EPOCH, null, null, true),
                new User(
                        Long.MAX_VALUE,
                        Long.MAX_VALUE,
                        "-",
                        "-",
                        null,
                        true,
                        "1:",
                        null,
                        null,
                        null,
                        Instant.MAX,
                        false),
                new User(
                        9L,
                        9L,
                        "x".repeat(5_000),
                        "\uD83C",
                        Role.STUDENT,
                        false,
                        null,
                        Instant.MIN,
                        null,
                        null,
                        null,
                        true));
        for (User row : rows) {
            String text = UserSnapshotText.write(row);

            assertThat(text).startsWith(UserSnapshotText.VERSION);
            assertThat(UserSnapshotText.read(text)).isEqualTo(row);
        }
    }

    @Test
    void aSnapshotOfAnotherShapeIsNotRead() {
        assertThat(UserSnapshotText.read("{\"id\":1,\"universityId\":2,\"email\":\"a@b.c\"}"))
                .isNull();
        assertThat(UserSnapshotText.read("")).isNull();
        assertThat(UserSnapshotText.read("u3|1:1")).isNull();
        // the shape before the Pro flag: its row is read afresh rather than taken as not Pro
        assertThat(UserSnapshotText.read("u1|2:422:7a@b.c-7:STUDENT1:0-----")).isNull();
    }

    @Test
    void aDamagedSnapshotIsRefusedNotMisread() {
        String text = UserSnapshotText.write(FULL);
        List<String> damaged = List.of(
                text.substring(0, text.length() - 1), // cut short
                text.substring(0, UserSnapshotText.VERSION.length() + 4),
                text + "-", // a field too many
                text.replace("10:COUNSELLOR", "10:COUNSELLOX"), // no such role
                text.substring(0, text.length() - "3:0.01:1".length()) + "3:0001:1", // an instant without nanoseconds
                UserSnapshotText.VERSION + "x:42",
                UserSnapshotText.VERSION + "99:42");
        for (String snapshot : damaged) {
            assertThatThrownBy(() -> UserSnapshotText.read(snapshot))
                    .as(snapshot)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
