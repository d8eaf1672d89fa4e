package com.careerai.platform.outbox;

/** An event was not delivered to every listener; its job is retried. */
public class OutboxDeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutboxDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    OutboxDeliveryException(String message) {
        super(message);
    }
}
