package com.careerai.counselling;

import io.micronaut.http.HttpStatus;

/** 409: someone else got the slot first (PostgreSQL's exclusion constraint said so); nothing was charged. */
class SlotTakenException extends CounsellingException {
    private static final long serialVersionUID = 1L;

    SlotTakenException() {
        super(HttpStatus.CONFLICT, "slot_taken", "Someone has just booked this time. Pick another slot.");
    }
}
