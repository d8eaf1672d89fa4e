package com.careerai.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * While PostgreSQL restarts (bench/chaos.sh restarts it under load) requests fail with connection
 * errors from the driver or the pool, wrapped by the data layer: those are answered 503 "try again
 * shortly", not 500; real bugs (a constraint, bad SQL) stay 500.
 */
class DatabaseUnavailableTest {
    @Test
    void connectionLossShutdownAndPoolTimeoutsAreAnOutageWhateverWrapsThem() {
        assertThat(CareerAiErrorResponseProcessor.isDatabaseUnavailable(new RuntimeException(
                        "wrapped", new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE))))
                .isTrue();
        assertThat(CareerAiErrorResponseProcessor.isDatabaseUnavailable(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(CareerAiErrorResponseProcessor.isDatabaseUnavailable(new IllegalStateException(
                        "no transaction", new SQLTransientConnectionException("pool - Connection is not available"))))
                .isTrue();
        assertThat(CareerAiErrorResponseProcessor.isDatabaseUnavailable(
                        new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        // bench/chaos.sh, PostgreSQL restarted: the data layer resets a connection the pool has closed
        assertThat(CareerAiErrorResponseProcessor.isDatabaseUnavailable(new IllegalStateException(
                        "Could not set JDBC Connection read-only: Connection is closed",
                        new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNotAnOutage() {
        assertThat(CareerAiErrorResponseProcessor.isDatabaseUnavailable(
                        new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION)))
                .isFalse();
        assertThat(CareerAiErrorResponseProcessor.isDatabaseUnavailable(new IllegalStateException("bug")))
                .isFalse();
        assertThat(CareerAiErrorResponseProcessor.isDatabaseUnavailable(new SQLException("Statement is closed")))
                .isFalse();
        assertThat(CareerAiErrorResponseProcessor.isDatabaseUnavailable(null)).isFalse();
    }
}
