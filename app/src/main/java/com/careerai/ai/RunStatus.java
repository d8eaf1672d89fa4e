package com.careerai.ai;

/** QUEUED → RUNNING → SUCCEEDED, or → FAILED → REFUNDED. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    REFUNDED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == REFUNDED;
    }
}
