package com.careerai.platform.config;

/** A required setting is missing or malformed; the message is the one line an operator reads. */
public final class InvalidSettingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String variable;

    public InvalidSettingException(String variable, String problem) {
        super("Configuration error: " + variable + " " + problem);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
