package com.careerai.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.testing.TestServers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the tool does before it touches a database: help, bad usage, missing settings. */
class CommandLineTest {

    private record Result(int exitCode, String out, String err) {}

    private static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new TenantAdmin(env, Map.of(), new PrintWriter(out), new PrintWriter(err)).run(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommandWithoutADatabase() {
        Result result = run(Map.of(), "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("Usage: tenant-admin")
                .contains("onboard", "list", "show", "update", "suspend", "resume", "usage", "export", "offboard")
                .contains("migrate");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void subcommandHelpNeedsNoDatabase() {
        Result result = run(Map.of(), "onboard", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--subdomain", "--domains", "--silver", "--gold", "--staff");
    }

    @Test
    void missingDatabaseUrlIsOneLineAndExitCodeTwo() {
        Result result = run(Map.of(), "list");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip())
                .startsWith("Configuration error: DATABASE_URL is required")
                .doesNotContain("\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void malformedDatabaseUrlNamesTheVariable() {
        Result result = run(Map.of("DATABASE_URL", "postgres://db/careerai"), "list");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("Configuration error: DATABASE_URL must be a JDBC URL");
    }

    @Test
    void unreachableDatabaseIsOneLine() {
        Result result = run(Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/careerai"), "list");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip())
                .startsWith("error: database: Connection to 127.0.0.1:1 refused")
                .doesNotContain("\n");
    }

    @Test
    void unknownCommandAndMissingOptionsAreOneLineUsageErrors() {
        Result unknown = run(Map.of(), "rename", "mit");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip())
                .startsWith("error: Unmatched arguments")
                .doesNotContain("\n");

        Result missing = run(Map.of(), "suspend", "mit");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip())
                .isEqualTo("error: Missing required option: '--reason=<reason>' (see `tenant-admin suspend --help`)");
    }

    @Test
    void offboardWithoutConfirmIsRefusedBeforeTheDatabase() {
        Result result = run(Map.of("DATABASE_URL", TestServers.newDatabase()), "offboard", "mit");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).contains("Missing required option: '--confirm=<subdomain>'");
    }

    @Test
    void badSinceIsAUsageError() {
        Result result = run(Map.of(), "usage", "--since", "last tuesday");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip())
                .contains("'last tuesday' is not a date")
                .doesNotContain("\n");
    }
}
