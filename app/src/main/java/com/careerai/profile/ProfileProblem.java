package com.careerai.profile;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** A {@link ProfileException} as the API answers it: 422 {@code invalid_input} with the fields' messages. */
class ProfileProblem extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    ProfileProblem(ProfileException refused) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", refused.getMessage());
        this.fields = refused.fields();
    }

    @Override
    public Map<String, String> fields() {
        return fields;
    }
}
