package com.careerai.leads;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** A {@link LeadException} or a missing lead as the API answers it. */
class LeadProblem extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    LeadProblem(LeadException refused) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", refused.getMessage());
        this.fields = refused.fields();
    }

    private LeadProblem(HttpStatus status, String code, String message) {
        super(status, code, message);
        this.fields = Map.of();
    }

    static LeadProblem notFound() {
        return new LeadProblem(HttpStatus.NOT_FOUND, "not_found", "No such lead.");
    }

    @Override
    public Map<String, String> fields() {
        return fields;
    }
}
