package com.careerai.tenancy;

import java.time.Instant;

/**
 * A feature's share of a university's usage figures for operators (tenant-admin {@code list},
 * {@code usage}, {@code show}). The feature that owns the data implements it over its own tables;
 * {@link UniversityUsage} asks every source and combines their parts, so tenancy reads no other
 * feature's tables. Called once per university (inside that university's unit of work).
 */
public interface UsageSource {

    /** This feature's figures for one university since {@code since}, scoped to that university. */
    UsagePart figures(long universityId, Instant since);
}
