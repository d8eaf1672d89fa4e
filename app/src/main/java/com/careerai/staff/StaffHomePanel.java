package com.careerai.staff;

import com.careerai.platform.data.PageRead;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/**
 * Extension point of the staff home ({@code /staff}): a feature with something waiting for staff
 * (counsellor applications, resources to approve, open tickets) implements this as a bean and its
 * panel appears on the home page. Implementations ask their own module's tables (one aggregate
 * query each) and return empty when they have nothing to show.
 */
public interface StaffHomePanel {

    /** The panel for the university, or empty to show none. */
    Optional<Panel> panel(long universityId);

    /**
     * What {@link #panel} will read, for the home to send with its figures and the header's reads in one
     * round trip (ADR 0076); the panel then reads them through {@code PageReads} and finds them kept.
     */
    default List<PageRead<?>> reads(long universityId) {
        return List.of();
    }

    /**
     * One figure with what to do about it.
     *
     * @param key stable name (a {@code data-panel} attribute for tests and styles)
     * @param title what is counted ("Counsellor applications")
     * @param figure the figure in words ("2 waiting")
     * @param attention whether staff should act on it now (highlighted)
     * @param href the staff page dealing with it
     * @param action the link's words ("Review applications")
     */
    record Panel(String key, String title, String figure, boolean attention, String href, @Nullable String action) {}
}
