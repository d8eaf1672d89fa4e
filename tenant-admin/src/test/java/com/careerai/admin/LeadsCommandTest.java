package com.careerai.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.jdbc.DataSourceResolver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@code leads}: the platform site's sales leads, newest first, as a table or JSON, with --since. */
class LeadsCommandTest extends TenantAdminTest {

    private void salesLead(String name, String organisation) throws SQLException {
        DataSource dataSource = admin.getBean(DataSourceResolver.class).resolve(admin.getBean(DataSource.class));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert =
                        connection.prepareStatement("SELECT platform_record_sales_lead(?, ?, NULL, ?, 'Hello')")) {
            insert.setString(1, name);
            insert.setString(2, name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.edu");
            insert.setString(3, organisation);
            insert.executeQuery().close();
        }
    }

    @Test
    void salesLeadsAreListedNewestFirstAndFilteredBySince() throws SQLException {
        Result none = run("leads", "--since", "2999-01-01");
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out()).contains("No sales leads since");

        salesLead("Grace Dean", "Example University");
        salesLead("Alan Provost", "Sample College");

        Result table = run("leads", "--since", "1d");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("ORGANISATION").contains("Example University");
        assertThat(table.out().indexOf("Sample College")).isLessThan(table.out().indexOf("Example University"));

        Result json = run("leads", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).contains("grace.dean@example.edu").contains("\"organisation\"");
    }
}
