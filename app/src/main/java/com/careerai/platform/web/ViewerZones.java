package com.careerai.platform.web;

import java.time.ZoneId;

/**
 * The time zone a person reads dates in (their profile's, else their university's). The profile
 * feature implements it; pages ask it once per page and write dates with {@link Dates}.
 */
public interface ViewerZones {
    ZoneId zoneOf(long universityId, long userId);
}
