package com.careerai.tenancy;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/**
 * Usage figures per university for operators (tenant-admin's {@code list}, {@code usage} and
 * {@code show}). Each feature reports its own figures as a {@link UsageSource} (auth: students,
 * ai: runs, credits: the ledger, billing: payments); this class only combines them, one university
 * at a time. A group no source reports stays {@code null} ("n/a").
 */
@Singleton
public class UniversityUsage {
    private final List<UsageSource> sources;

    UniversityUsage(List<UsageSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** One university's figures since {@code since}. */
    @Transactional(readOnly = true)
    public UsageFigures figures(long universityId, Instant since) {
        UsagePart all = UsagePart.NONE;
        for (UsageSource source : sources) {
            all = all.combine(source.figures(universityId, since));
        }
        UsagePart.Students students = all.students() == null ? new UsagePart.Students(0, 0) : all.students();
        return new UsageFigures(
                universityId,
                since,
                students.total(),
                students.active(),
                all.runsByTool() == null ? null : new TreeMap<>(all.runsByTool()),
                all.credits(),
                all.payments(),
                new TreeMap<>(all.counts()));
    }
}
