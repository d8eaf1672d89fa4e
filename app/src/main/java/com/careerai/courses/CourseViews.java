package com.careerai.courses;

import com.careerai.platform.web.Dates;
import io.micronaut.core.annotation.Nullable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How courses, batches and sessions read on pages: dates in the viewer's zone, schedules in words. */
final class CourseViews {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    private CourseViews() {}

    static ZoneId zone(@Nullable String tz, ZoneId fallback) {
        if (tz == null || tz.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(tz.strip());
        } catch (DateTimeException e) {
            return fallback;
        }
    }

    static String when(Instant instant, ZoneId zone) {
        return Dates.weekdayMoment(instant, zone);
    }

    static String schedule(Batch batch) {
        String days =
                batch.weekDays().stream().sorted().map(day -> DAYS.get(day - 1)).collect(Collectors.joining(", "));
        return days + " at " + batch.localStart() + " (" + batch.zone().getId() + "), " + batch.minutes() + " minutes";
    }

    static Map<String, Object> course(Course course) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", course.id());
        model.put("title", course.title());
        model.put("description", course.description());
        model.put("outcomes", course.outcomes());
        model.put("summary", course.summary());
        model.put("price", course.priceInWords());
        model.put("free", course.free());
        model.put("studentsOnly", course.visibility() == Course.Visibility.STUDENTS);
        model.put("soldBothWays", course.soldForCredits() && course.soldForMoney());
        return model;
    }

    static Map<String, Object> batch(Batch batch, Instant now) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", batch.id());
        model.put("name", batch.name());
        model.put("dates", DAY.format(batch.startsOn()) + " – " + DAY.format(batch.endsOn()));
        model.put("schedule", schedule(batch));
        model.put("seatsLeft", batch.seatsLeft());
        model.put("full", batch.seatsLeft() == 0);
        model.put("open", batch.openAt(now));
        return model;
    }
}
