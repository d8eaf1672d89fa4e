package com.careerai.platform.data;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import java.util.Optional;

/**
 * The university whose rows the running code may touch. It travels in Micronaut's propagated
 * context (across the executor hops of a request, into a job's unit of work), and every database
 * connection the application checks out is bound to it ({@link TenantBoundDataSource}).
 *
 * @param universityId the bound university
 */
public record UniversityScope(long universityId) implements PropagatedContextElement {

    /** The university bound to the current code, if any. */
    public static Optional<UniversityScope> current() {
        return PropagatedContext.getOrEmpty().find(UniversityScope.class);
    }
}
