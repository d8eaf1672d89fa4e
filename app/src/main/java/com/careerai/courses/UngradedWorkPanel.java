package com.careerai.courses;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.PageReads;
import com.careerai.platform.web.Plural;
import com.careerai.staff.StaffHomePanel;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** The staff home's "Course work" figure: submitted attempts still waiting for a grade. */
@Singleton
class UngradedWorkPanel implements StaffHomePanel {
    private final PageReads reads;

    UngradedWorkPanel(PageReads reads) {
        this.reads = reads;
    }

    @Override
    public List<PageRead<?>> reads(long universityId) {
        return List.of(AssignmentStore.ungradedRead(universityId));
    }

    @Override
    public Optional<Panel> panel(long universityId) {
        long ungraded = reads.read(AssignmentStore.ungradedRead(universityId));
        return Optional.of(new Panel(
                "course-work",
                "Course work",
                Plural.of(ungraded, "submission") + " to grade",
                ungraded > 0,
                "/staff/courses",
                ungraded > 0 ? "Open the courses" : null));
    }
}
