package com.careerai.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.careerai.auth.User;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export and offboard. The database gets one table no migration has ({@code test_notes},
 * referencing users): it must be exported and deleted like the others, with no change to
 * tenant-admin, before the users it references.
 */
class ExportOffboardTest extends TenantAdminTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();

    @TempDir
    Path folder;

    @BeforeAll
    void schemaWithATableOnlyThisTestKnows() throws SQLException {
        // Created as a later migration would create it: by the schema owner, behind the tenant wall
        // (ADR 10); the app's role may not create tables, and gets its rights by default privileges.
        try (Connection owner = DriverManager.getConnection(env.get("DATABASE_URL"), "postgres", "");
                Statement statement = owner.createStatement()) {
            statement.execute("CREATE TABLE test_notes ("
                    + "university_id BIGINT NOT NULL REFERENCES universities (id), "
                    + "id BIGINT GENERATED ALWAYS AS IDENTITY, user_id BIGINT NOT NULL, text TEXT NOT NULL, "
                    + "PRIMARY KEY (university_id, id), "
                    + "FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id))");
            statement.execute("ALTER TABLE test_notes ENABLE ROW LEVEL SECURITY");
            statement.execute("ALTER TABLE test_notes FORCE ROW LEVEL SECURITY");
            statement.execute(
                    "CREATE POLICY tenant_isolation ON test_notes"
                            + " USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)"
                            + " WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)");
        }
    }

    private University onboardWithData(String subdomain) {
        Result result = run(
                "onboard",
                "--name",
                "University " + subdomain,
                "--subdomain",
                subdomain,
                "--domains",
                subdomain + ".edu",
                "--silver",
                "10",
                "--gold",
                "1",
                "--staff",
                "staff@" + subdomain + ".edu");
        assertThat(result.exitCode()).as(result.err()).isZero();
        University university = admin.getBean(UniversityAdministration.class).require(subdomain);
        Fixtures fixtures = admin.getBean(Fixtures.class);
        for (int i = 0; i < 3; i++) {
            User student = fixtures.student(university);
            // seeded as a job would, bound to the university
            sqlIn(
                    university,
                    "INSERT INTO test_notes (university_id, user_id, text) VALUES (" + university.id() + ", "
                            + student.id() + ", 'note of " + student.email() + "')");
            fixtures.run(university, () -> admin.getBean(com.careerai.credits.Wallets.class)
                    .grant(
                            university.id(),
                            student.id(),
                            com.careerai.credits.Currency.SILVER,
                            4,
                            "seed:" + student.id(),
                            "test",
                            "ledger rows to offboard"));
        }
        fixtures.staff(university);
        return university;
    }

    @Test
    void exportHoldsExactlyThatUniversitysRowsOfEveryTenantTable() throws IOException {
        University leaving = onboardWithData("leaving");
        University staying = onboardWithData("staying");
        Path zip = folder.resolve("leaving.zip");

        Result result = run("export", "leaving", "--out", zip.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Exported leaving to " + zip, "sha256");

        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(file.stream().map(ZipEntry::getName))
                    .contains("manifest.json", "universities.json", "users.json", "invitations.json")
                    .contains("audit_log.json", "test_notes.json");
            Map<String, Object> manifest = read(file, "manifest.json");
            assertThat(manifest)
                    .containsEntry("format", "careerai-university-export/1")
                    .containsEntry("subdomain", "leaving");
            List<Map<String, Object>> university = readRows(file, "universities.json");
            assertThat(university).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("subdomain", "leaving"));
            for (String table : List.of("users", "invitations", "audit_log", "test_notes")) {
                List<Map<String, Object>> rows = readRows(file, table + ".json");
                // The export's own audit entry is written after the snapshot.
                long expected = count(table, leaving) - (table.equals("audit_log") ? 1 : 0);
                assertThat(rows).as(table).isNotEmpty().hasSize((int) expected);
                assertThat(((Map<?, ?>) manifest.get("rows")).get(table)).isEqualTo((int) expected);
                assertThat(rows).as(table).allSatisfy(row -> assertThat(((Number) row.get("university_id")).longValue())
                        .isEqualTo(leaving.id()));
                assertThat(rows.toString()).as(table).doesNotContain("staying");
            }
            assertThat(readRows(file, "users.json").toString()).contains("@leaving.edu");
        }
        assertThat(count("users", staying)).isEqualTo(4);

        Result again = run("export", "leaving", "--out", zip.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(oneLine(again)).contains("exists already");
    }

    @Test
    void offboardNeedsConfirmationSuspensionAndAnExportOfTheCurrentData() {
        University closing = onboardWithData("closing");
        Result noConfirm = run("offboard", "closing");
        assertThat(noConfirm.exitCode()).isEqualTo(2);
        assertThat(oneLine(noConfirm)).contains("Missing required option: '--confirm=<subdomain>'");

        Result wrongConfirm = run("offboard", "closing", "--confirm", "closin");
        assertThat(wrongConfirm.exitCode()).isEqualTo(1);
        assertThat(oneLine(wrongConfirm))
                .isEqualTo("error: --confirm must repeat the subdomain 'closing'; nothing was deleted");

        Result active = run("offboard", "closing", "--confirm", "closing");
        assertThat(active.exitCode()).isEqualTo(1);
        assertThat(oneLine(active)).startsWith("error: closing is active: suspend it first");

        assertThat(run("suspend", "closing", "--reason", "leaving").exitCode()).isZero();
        Result noExport = run("offboard", "closing", "--confirm", "closing");
        assertThat(noExport.exitCode()).isEqualTo(1);
        assertThat(oneLine(noExport)).startsWith("error: no export of closing exists");

        assertThat(run(
                                "export",
                                "closing",
                                "--out",
                                folder.resolve("closing-1.zip").toString())
                        .exitCode())
                .isZero();
        admin.getBean(Fixtures.class).student(closing);
        Result stale = run("offboard", "closing", "--confirm", "closing");
        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(oneLine(stale)).contains("data changed since its export", "users 4 → 5", "export it again");

        assertThat(count("users", closing)).isEqualTo(5);
        assertThat(admin.getBean(UniversityAdministration.class).findBySubdomain("closing"))
                .isPresent();
    }

    @Test
    void offboardDeletesEveryTenantTableOfThatUniversityOnlyAndReportsCounts() {
        University gone = onboardWithData("gone");
        University kept = onboardWithData("kept");
        assertThat(page("gone", "/").status()).isEqualTo(200);
        assertThat(run("suspend", "gone", "--reason", "contract ended").exitCode())
                .isZero();
        assertThat(run("export", "gone", "--out", folder.resolve("gone.zip").toString())
                        .exitCode())
                .isZero();
        Map<String, Long> before = new HashMap<>();
        for (String table : List.of("users", "invitations", "audit_log", "test_notes")) {
            before.put(table, count(table, gone));
        }

        Result result = run("offboard", "gone", "--confirm", "gone", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> deleted = (Map<String, Object>) result.json().get("deleted");
        assertThat(deleted)
                .containsEntry("users", before.get("users").intValue())
                .containsEntry("test_notes", 3)
                .containsEntry("invitations", before.get("invitations").intValue())
                .containsEntry("universities", 1);
        assertThat(((Number) deleted.get("audit_log")).longValue()).isGreaterThan(before.get("audit_log"));
        assertThat(List.copyOf(deleted.keySet()).indexOf("test_notes"))
                .as("notes reference users: deleted first")
                .isLessThan(List.copyOf(deleted.keySet()).indexOf("users"));
        assertThat(List.copyOf(deleted.keySet())).endsWith("audit_log", "universities");

        for (String table :
                List.of("users", "invitations", "audit_log", "test_notes", "credit_transactions", "credit_wallets")) {
            assertThat(count(table, gone)).as(table).isZero();
        }
        assertThat(deleted).containsEntry("credit_transactions", 3);
        assertThat(count("credit_transactions", kept))
                .as("the other university's ledger")
                .isEqualTo(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> sqlIn(kept, "DELETE FROM credit_transactions WHERE university_id = " + kept.id()))
                .hasMessageContaining("append-only");
        assertThat(count("users", kept)).isEqualTo(4);
        assertThat(count("test_notes", kept)).isEqualTo(3);
        assertThat(admin.getBean(UniversityAdministration.class).findBySubdomain("gone"))
                .isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> page("gone", "/").status() == 404);
        assertThat(page("kept", "/").status()).isEqualTo(200);
    }

    @Test
    void unknownUniversityIsOneLine() {
        Result export =
                run("export", "nowhere", "--out", folder.resolve("x.zip").toString());
        assertThat(export.exitCode()).isEqualTo(1);
        assertThat(oneLine(export)).isEqualTo("error: No university has the subdomain 'nowhere'.");
        assertThat(Files.exists(folder.resolve("x.zip"))).isFalse();
        assertThat(run("offboard", "nowhere", "--confirm", "nowhere").exitCode())
                .isEqualTo(1);
    }

    private void sql(String statement) {
        admin.getBean(JdbcOperations.class)
                .execute(connection -> connection.createStatement().executeUpdate(statement));
    }

    /** {@code statement} run bound to {@code university}, as the application's own statements are. */
    private void sqlIn(University university, String statement) {
        CrossTenant.within(university, () -> {
            sql(statement);
            return null;
        });
    }

    /** Rows of {@code university} in {@code table}, read bound to it (the wall shows no other rows). */
    private long count(String table, University university) {
        return CrossTenant.within(
                university, () -> admin.getBean(JdbcOperations.class).execute(connection -> {
                    try (ResultSet rows = connection
                            .createStatement()
                            .executeQuery(
                                    "SELECT count(*) FROM " + table + " WHERE university_id = " + university.id())) {
                        rows.next();
                        return rows.getLong(1);
                    }
                }));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(ZipFile file, String entry) throws IOException {
        return JSON.readValue(text(file, entry), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readRows(ZipFile file, String entry) throws IOException {
        return (List<Map<String, Object>>) JSON.readValue(text(file, entry), Object.class);
    }

    private static String text(ZipFile file, String entry) throws IOException {
        return new String(file.getInputStream(file.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
    }
}
