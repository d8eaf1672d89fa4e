package com.careerai.tenancy;

/** Published after a university row changes, so cached copies are dropped. */
public record UniversityChanged(String subdomain) {}
