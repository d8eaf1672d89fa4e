package com.careerai.platform.data;

/** The start's own migration ({@link DatabaseWall}), for tests that make a migrated template database. */
public final class TestMigrations {
    private TestMigrations() {}

    /** Applies this build's migrations to {@code url} as {@code user}, exactly as a node's start does. */
    public static void migrate(String url, String user, String password) {
        DatabaseWall.migrate(url, user, password);
    }
}
