package com.careerai.courses;

import com.careerai.platform.web.ProblemException;
import io.micronaut.http.HttpStatus;
import java.util.Map;

/** A courses request that cannot be done, with a stable code and a message for the person. */
public class CourseProblem extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fields;

    CourseProblem(HttpStatus status, String code, String message, Map<String, String> fields) {
        super(status, code, message);
        this.fields = Map.copyOf(fields);
    }

    CourseProblem(HttpStatus status, String code, String message) {
        this(status, code, message, Map.of());
    }

    @Override
    public Map<String, String> fields() {
        return fields;
    }

    /** 404 for anything the caller may not see, so another university's ids reveal nothing. */
    static CourseProblem notFound() {
        return new CourseProblem(HttpStatus.NOT_FOUND, "not_found", "There is no such course.");
    }

    static CourseProblem invalid(Map<String, String> fields) {
        return new CourseProblem(
                HttpStatus.UNPROCESSABLE_ENTITY, "invalid_input", "Some answers need another look.", fields);
    }

    static CourseProblem studentsOnly() {
        return new CourseProblem(HttpStatus.FORBIDDEN, "students_only", "Only students enrol on courses.");
    }

    static CourseProblem enrolmentClosed() {
        return new CourseProblem(
                HttpStatus.UNPROCESSABLE_ENTITY, "enrolment_closed", "Enrolment for this batch is not open.");
    }

    static CourseProblem alreadyEnrolled() {
        return new CourseProblem(HttpStatus.CONFLICT, "already_enrolled", "You are already enrolled on this batch.");
    }
}
