package com.careerai.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.testing.Fixtures;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code usage}: per-university figures as a table, CSV and JSON (the figures: UniversityUsageTest). */
class UsageTest extends TenantAdminTest {

    @BeforeAll
    void universities() {
        for (String subdomain : List.of("busy", "quiet")) {
            assertThat(run(
                                    "onboard",
                                    "--name",
                                    "University " + subdomain,
                                    "--subdomain",
                                    subdomain,
                                    "--domains",
                                    subdomain + ".edu",
                                    "--silver",
                                    "1",
                                    "--gold",
                                    "0",
                                    "--staff",
                                    "staff@" + subdomain + ".edu")
                            .exitCode())
                    .isZero();
        }
        Fixtures fixtures = admin.getBean(Fixtures.class);
        University busy = admin.getBean(UniversityAdministration.class).require("busy");
        fixtures.student(busy);
        fixtures.student(busy);
        long active = fixtures.student(busy).id();
        fixtures.in(busy, () -> admin.getBean(JdbcOperations.class).execute(connection -> connection
                .createStatement()
                .executeUpdate("UPDATE users SET last_sign_in_at = now() WHERE university_id = " + busy.id()
                        + " AND id = " + active)));
        // a Razorpay order still awaiting payment: counted by provider and status
        fixtures.in(busy, () -> admin.getBean(JdbcOperations.class).execute(connection -> connection
                .createStatement()
                .executeUpdate("INSERT INTO payments (university_id, id, user_id, provider, external_id, kind, product,"
                        + " description, amount_cents, currency, status, credits_currency, credits) VALUES ("
                        + busy.id() + ", gen_random_uuid(), " + active + ", 'razorpay', 'order_usage_test', 'PACK',"
                        + " 'gold-10', 'Gold 10', 74900, 'inr', 'PENDING', 'GOLD', 10)")));
    }

    @Test
    void tableCountsStudentsAndActiveStudentsPerUniversity() {
        Result result = run("usage");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Usage since ");
        assertThat(lines.get(1)).startsWith("SUBDOMAIN").contains("STUDENTS", "ACTIVE", "RUNS", "SPENT", "PAYMENTS");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("busy\\s+3\\s+1\\s.*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("quiet\\s+0\\s+0\\s.*"));
    }

    @Test
    void csvHasOneColumnPerFigure() {
        Result result = run("usage", "--csv", "--since", "2000-01-01");
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0))
                .startsWith("subdomain,name,status,students,active_students,runs_total")
                .contains("credits_spent_silver,credits_spent_gold")
                .contains("payments_count,payments_amount")
                .endsWith(",appointments_cancelled,appointments_held,appointments_no_show,enrolments,interests_picked,"
                        + "leads,payments_razorpay_pending,resource_downloads,tickets");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("busy,University busy,ACTIVE,3,1,"));
        assertThat(lines).hasSize(3);
    }

    @Test
    void jsonNamesTheWindowAndEveryUniversity() {
        Map<String, Object> json = run("usage", "--json", "--since", "7d").json();
        assertThat(json).containsKey("since");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> universities = (List<Map<String, Object>>) json.get("universities");
        assertThat(universities)
                .filteredOn(row -> row.get("subdomain").equals("busy"))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("students", 3)
                        .containsEntry("activeStudents", 1)
                        .containsKeys("runsByTool", "credits", "payments"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void paymentsAreCountedByProviderAndStatus() {
        Map<String, Object> json = run("usage", "--json").json();
        List<Map<String, Object>> universities = (List<Map<String, Object>>) json.get("universities");
        assertThat(universities)
                .filteredOn(row -> row.get("subdomain").equals("busy"))
                .singleElement()
                .satisfies(row -> assertThat((Map<String, Object>) row.get("counts"))
                        .containsEntry("payments_razorpay_pending", 1)
                        .doesNotContainKey("payments_stripe_pending"));
        assertThat(run("usage", "--csv").out().lines().findFirst().orElseThrow())
                .contains("payments_razorpay_pending");
    }

    @Test
    void csvAndJsonTogetherAreAUsageError() {
        Result result = run("usage", "--csv", "--json");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(oneLine(result)).contains("--csv and --json exclude each other");
    }
}
