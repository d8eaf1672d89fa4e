package com.careerai.support;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A university's support hours and targets (business minutes). */
record SupportSettings(
        String timeZone,
        String workDays,
        LocalTime dayStart,
        LocalTime dayEnd,
        int firstResponseMinutes,
        int resolutionMinutes) {

    static SupportSettings defaults() {
        return new SupportSettings("UTC", "1,2,3,4,5", LocalTime.of(9, 0), LocalTime.of(17, 0), 240, 1440);
    }

    BusinessHours hours() {
        Set<DayOfWeek> days = Arrays.stream(workDays.split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .map(DayOfWeek::of)
                .collect(Collectors.toSet());
        return new BusinessHours(ZoneId.of(timeZone), days, dayStart, dayEnd);
    }

    Duration firstResponseTarget() {
        return Duration.ofMinutes(firstResponseMinutes);
    }

    Duration resolutionTarget() {
        return Duration.ofMinutes(resolutionMinutes);
    }
}
