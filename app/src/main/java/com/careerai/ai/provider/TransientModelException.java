package com.careerai.ai.provider;

/** 429, 5xx or timeout: the same call may succeed later. */
public class TransientModelException extends ModelException {
    private static final long serialVersionUID = 1L;

    public TransientModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
