package com.careerai.platform.redis;

import java.util.List;

/**
 * Extension point: a feature's snapshot of one person's data kept with {@link StampedSnapshots} (the
 * career profile, the student's interests). Implemented as a bean by the feature that owns the data,
 * it names its keys: the person's {@code <name><university>:<person>} and, for each guard, a
 * university-wide {@code <guard><university>} (all under the deployment's prefix,
 * {@link StampedSnapshots#keys}). A page that reads them (the student home) has them brought by its
 * session check's one Redis round trip ({@link PrefetchedSnapshots}, ADR 0072), without platform or
 * the session knowing which features they are.
 */
public interface PersonalSnapshot {

    /** The person's key before {@code <university>:<person>}, e.g. {@code "notes:"}; unique among the snapshots. */
    String name();

    /** The university-wide keys guarding it, each before {@code <university>}; none by default. */
    default List<String> guards() {
        return List.of();
    }
}
