package com.careerai.platform.data;

import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Connections for SQL that touches only tables holding no tenant rows and under no row-level
 * security policy — JobRunr's own tables, which ADR 10 lists as not tenant data — taken from the pool
 * without writing {@code careerai.university_id} at check-out (ADR 0056). Such a connection may
 * carry the university its last borrower worked for; nothing it runs reads that value, and it writes
 * none, so the next borrower through the tenant wall finds the value the wall remembers for it.
 *
 * <p>Why: a worker thread gets its own connection back from the pool. Through the wall, a job whose
 * work is bound to a university then cost two statements (each a transaction) of binding — JobRunr's
 * state save wrote the empty value, the next job's work wrote the university again — which no-op
 * jobs never paid. Nothing else may use this: tenant data read through it would see whichever
 * university the connection last served.
 */
public final class TablesWithoutTenants {
    private TablesWithoutTenants() {}

    /** The pool behind the tenant wall of {@code dataSource} (the wall itself, or a wrapper of it). */
    public static DataSource connections(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(TenantBoundDataSource.class)) {
                return dataSource.unwrap(TenantBoundDataSource.class).unbound();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the pool behind the tenant wall", e);
        }
        throw new IllegalStateException("Not a tenant-bound data source: " + dataSource);
    }
}
