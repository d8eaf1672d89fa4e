package com.careerai.platform.analytics;

import java.util.List;

/**
 * A feature's figures for staff analytics ({@code /staff/analytics}). The feature that owns the
 * data implements it over its own tables, aggregating in SQL (never loading rows into memory);
 * the analytics feature asks every source and composes the page, the JSON and the CSVs, so it
 * reads no other feature's tables. Called inside the university's unit of work (under RLS), and
 * every query is scoped by {@code universityId} as well.
 */
public interface FigureSource {

    /**
     * This feature's figures for one university over {@code period}, in display order. Read
     * {@code @Connectable}, on the connection the analytics page holds, never in a transaction of its own:
     * at READ COMMITTED a read-only transaction gives its statements no common snapshot, only a BEGIN and a
     * COMMIT round trip (ADR 0055).
     */
    List<Figure> figures(long universityId, Period period);

    /** Where this source's figures go on the page, lower first. */
    default int order() {
        return 100;
    }
}
