package com.careerai.staff;

import com.careerai.counselling.Counsellors;
import com.careerai.platform.data.PageRead;
import com.careerai.platform.web.Plural;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** The staff home's panel of counsellor applications waiting for approval (counselling counts them). */
@Singleton
class CounsellorApplicationsPanel implements StaffHomePanel {
    private final Counsellors counsellors;

    CounsellorApplicationsPanel(Counsellors counsellors) {
        this.counsellors = counsellors;
    }

    @Override
    public List<PageRead<?>> reads(long universityId) {
        return List.of(counsellors.pendingApplicationsRead(universityId));
    }

    @Override
    public Optional<Panel> panel(long universityId) {
        long pending = counsellors.pendingApplications(universityId);
        return Optional.of(new Panel(
                "counsellor-applications",
                "Counsellor applications",
                pending == 0 ? "None waiting" : Plural.of(pending, "application") + " waiting",
                pending > 0,
                "/staff/counsellors",
                pending > 0 ? "Review applications" : "See counsellors"));
    }
}
