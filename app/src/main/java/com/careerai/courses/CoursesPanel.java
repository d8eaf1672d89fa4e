package com.careerai.courses;

import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.DashboardPanel;
import com.careerai.platform.web.PageReads;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** "Your courses" on the student's home: the next class of their active batches, with its Join state. */
@Singleton
class CoursesPanel implements DashboardPanel {
    private final CourseStore store;
    private final CourseClock clock;
    private final PageReads reads;

    CoursesPanel(CourseStore store, CourseClock clock, PageReads reads) {
        this.store = store;
        this.clock = clock;
        this.reads = reads;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<PageRead<?>> reads(long universityId, long userId, ZoneId zone) {
        return List.of(store.nextSessionOf(universityId, userId, clock.now()));
    }

    @Override
    public Optional<Panel> panel(long universityId, long userId, ZoneId zone) {
        Instant now = clock.now();
        return reads.read(store.nextSessionOf(universityId, userId, now)).map(next -> {
            BatchSession session = next.session();
            boolean joinable = session.joinableAt(now);
            Item item = new Item(
                    next.courseTitle() + " — " + next.batchName(),
                    "Next class " + CourseViews.when(session.startsAt(), zone) + (joinable ? " · join now" : ""),
                    joinable ? "/sessions/" + session.id() + "/join" : "/batches/" + session.batchId(),
                    joinable ? "Live now" : null);
            return new Panel("courses", "Your courses", List.of(item), null, "/courses", "All courses");
        });
    }
}
