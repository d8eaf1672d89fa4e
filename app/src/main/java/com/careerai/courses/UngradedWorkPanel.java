package com.careerai.courses;

import com.careerai.platform.web.Plural;
import com.careerai.staff.StaffHomePanel;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The staff home's "Course work" figure: submitted attempts still waiting for a grade. */
@Singleton
class UngradedWorkPanel implements StaffHomePanel {
    private final AssignmentStore store;

    UngradedWorkPanel(AssignmentStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Panel> panel(long universityId) {
        long ungraded = store.ungraded(universityId);
        return Optional.of(new Panel(
                "course-work",
                "Course work",
                Plural.of(ungraded, "submission") + " to grade",
                ungraded > 0,
                "/staff/courses",
                ungraded > 0 ? "Open the courses" : null));
    }
}
