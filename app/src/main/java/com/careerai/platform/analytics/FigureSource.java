package com.careerai.platform.analytics;

import com.careerai.platform.data.PageRead;
import java.util.List;

/**
 * A feature's figures for staff analytics ({@code /staff/analytics}). The feature that owns the
 * data implements it over its own tables, aggregating in SQL (never loading rows into memory);
 * the analytics feature asks every source and composes the page, the JSON and the CSVs, so it
 * reads no other feature's tables. Called inside the university's unit of work (under RLS), and
 * every query is scoped by {@code universityId} as well.
 *
 * <p>A source builds its statements as {@link PageRead}s and reads them through {@code PageReads}. It
 * names them in {@link #reads}, so that the page sends every source's reads of both periods, with its
 * header's, in one round trip before asking any source for its figures (ADR 0076); each then finds its
 * values read and takes no connection. Outside a GET nothing is kept, and a source reads each statement
 * as it comes to it, on the caller's connection or one of its own.
 */
public interface FigureSource {

    /**
     * This feature's figures for one university over {@code period}, in display order, from the values of
     * {@link #reads}. Never in a transaction of its own: at READ COMMITTED a read-only transaction gives
     * its statements no common snapshot, only a BEGIN and a COMMIT round trip (ADR 0055).
     */
    List<Figure> figures(long universityId, Period period);

    /**
     * Every read {@link #figures} of the same university and period makes, to be sent ahead. A read left
     * out is still made, in a round trip of its own.
     */
    List<PageRead<?>> reads(long universityId, Period period);

    /** Where this source's figures go on the page, lower first. */
    default int order() {
        return 100;
    }
}
