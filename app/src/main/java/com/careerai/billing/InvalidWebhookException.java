package com.careerai.billing;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** 400: a webhook whose signature is missing, wrong or stale, or whose body is not an event. */
class InvalidWebhookException extends ProblemException {
    private static final long serialVersionUID = 1L;

    InvalidWebhookException(String message) {
        super(HttpStatus.BAD_REQUEST, "invalid_webhook", message);
    }
}
