package com.careerai.ai.provider;

/** A model call failed in a way another attempt will not fix (bad request, auth, refusal). */
public class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelException(String message) {
        super(message);
    }
}
