package com.careerai.credits;

import java.util.List;

/** One page of a wallet's history, newest first; {@code page} counts from 1. */
public record LedgerPage(List<LedgerEntry> entries, int page, int pageSize, long total) {

    public long pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
