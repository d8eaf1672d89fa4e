package com.careerai.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.platform.data.PageRead;
import com.careerai.testing.IntegrationTest;
import com.careerai.testing.QueryPlans;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batch page's attendance reads — every started session's figures and a session's register —
 * can be answered from {@code session_attendance}'s key index alone (V109: the key carries
 * {@code present}; issue 19, RESULTS session 42): at 400 students a session they visited a heap row per
 * student per session. Each read is planned with every other way to the table switched off, so an index
 * that does not cover its columns leaves only a switched-off plan (a sequential or plain index scan).
 */
@MicronautTest(transactional = false)
class AttendanceReadsPlanTest extends IntegrationTest {

    @Test
    void theSessionsFiguresReadTheKeyIndexAlone() throws SQLException {
        assertReadsTheKeyIndexAlone(AttendanceStore.figuresRead(1, 1, Instant.now()));
    }

    @Test
    void aSessionsRegisterReadsTheKeyIndexAlone() throws SQLException {
        assertReadsTheKeyIndexAlone(AttendanceStore.ofSessionsRead(1, List.of(1L, 2L)));
    }

    private void assertReadsTheKeyIndexAlone(PageRead<?> read) throws SQLException {
        assertThat(planOf(read))
                .contains("Index Only Scan using session_attendance_pkey on session_attendance")
                .doesNotContain("Seq Scan on session_attendance")
                .doesNotContain("Index Scan using session_attendance");
    }

    private String planOf(PageRead<?> read) throws SQLException {
        try (Connection connection = ownerConnection()) {
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET enable_seqscan = off");
                settings.execute("SET enable_bitmapscan = off");
                settings.execute("SET enable_indexscan = off");
            }
            return QueryPlans.of(connection, read.sql(), read.binder());
        }
    }
}
