package com.careerai.admin;

/** A failure the operator can act on; tenant-admin prints its message as one line and exits 1. */
public final class ToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ToolException(String message) {
        super(message);
    }
}
