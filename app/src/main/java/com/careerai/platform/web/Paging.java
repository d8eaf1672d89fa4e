package com.careerai.platform.web;

/**
 * Page numbers from requests ({@code ?page=n}, from 1): any int is accepted and bounded, and
 * offsets are computed as longs, so {@code ?page=107374184} is an empty page, never an overflow.
 */
public final class Paging {
    /** Pages past this one are answered as this one (far beyond any real history). */
    public static final int MAX_PAGE = 1_000_000;

    private Paging() {}

    /** {@code requested} bounded to 1…{@link #MAX_PAGE}. */
    public static int page(int requested) {
        return Math.max(1, Math.min(MAX_PAGE, requested));
    }

    /** Pages of {@code size} rows for {@code total} rows: one at least (an empty list), {@link #MAX_PAGE} at most. */
    public static int pages(long total, int size) {
        return (int) Math.max(1, Math.min(MAX_PAGE, (total + size - 1) / size));
    }

    /** Rows before page {@code page} (already bounded) of {@code size} rows. */
    public static long offset(int page, int size) {
        return (long) (page - 1) * size;
    }
}
