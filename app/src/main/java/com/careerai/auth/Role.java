package com.careerai.auth;

/** What a person may do within their university. Platform operators are not users: they use tenant-admin. */
public enum Role {
    STUDENT,
    COUNSELLOR,
    STAFF
}
