package com.careerai.counselling;

/** Where a counsellor stands: only APPROVED counsellors are listed and bookable. */
enum CounsellorStatus {
    PENDING,
    APPROVED,
    REJECTED,
    INACTIVE
}
