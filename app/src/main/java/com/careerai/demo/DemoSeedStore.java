package com.careerai.demo;

import com.careerai.platform.data.SqlRows;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * Which demo steps last seeded the demo university, and on which day ({@code demo_seeds}, ADR
 * 0053). Called inside the demo university's unit of work.
 */
@Singleton
class DemoSeedStore {
    private final JdbcOperations jdbc;

    DemoSeedStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** True when {@code fingerprint}'s steps seeded the university today (the database's day). */
    boolean seededToday(long universityId, String fingerprint) {
        return SqlRows.single(
                jdbc,
                "SELECT EXISTS (SELECT 1 FROM demo_seeds WHERE university_id = ? AND fingerprint = ?"
                        + " AND seeded_on = current_date)",
                SqlRows.parameters(universityId, fingerprint),
                row -> row.getBoolean(1));
    }

    /** Records that every step of {@code fingerprint} has just run. */
    void recordSeeded(long universityId, String fingerprint) {
        SqlRows.update(
                jdbc,
                "INSERT INTO demo_seeds (university_id, fingerprint, seeded_on) VALUES (?, ?, current_date)"
                        + " ON CONFLICT (university_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,"
                        + " seeded_on = EXCLUDED.seeded_on, seeded_at = now()",
                SqlRows.parameters(universityId, fingerprint));
    }
}
