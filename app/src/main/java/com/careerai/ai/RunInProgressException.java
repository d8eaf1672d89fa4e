package com.careerai.ai;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;

/** A run that is still queued or running (or failed and awaiting its refund) cannot be deleted yet. */
public final class RunInProgressException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public RunInProgressException() {
        super(
                HttpStatus.CONFLICT,
                "run_in_progress",
                "This run is still in progress. You can delete it once it has finished.");
    }
}
