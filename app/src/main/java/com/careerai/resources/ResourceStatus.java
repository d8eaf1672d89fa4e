package com.careerai.resources;

/** Where a resource is in review; only APPROVED ones are shown to students. */
public enum ResourceStatus {
    PENDING,
    APPROVED,
    REJECTED
}
