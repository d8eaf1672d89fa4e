package com.careerai.testing;

import com.careerai.platform.data.SqlRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** PostgreSQL's plan of a statement, as {@code EXPLAIN} prints it, for tests that pin a read's plan. */
public final class QueryPlans {
    private QueryPlans() {}

    /** The plan of {@code sql} with its parameters bound by {@code binder}, one line per plan node. */
    public static String of(Connection connection, String sql, SqlRows.Binder binder) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
            binder.bind(explain);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
