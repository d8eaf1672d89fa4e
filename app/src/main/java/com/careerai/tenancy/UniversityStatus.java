package com.careerai.tenancy;

/** Whether a university's pages are served. */
public enum UniversityStatus {
    ACTIVE,
    SUSPENDED
}
