package com.careerai.counselling;

import com.careerai.auth.CurrentUser;
import com.careerai.auth.SignedInUser;
import com.careerai.counselling.ApiViews.AvailabilityView;
import com.careerai.counselling.ApiViews.OverrideView;
import com.careerai.counselling.ApiViews.WeeklyView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code /counsellor/availability}: the HTML form over the same settings as
 * {@code PUT /api/v1/counsellor/availability}. Weekly hours are written per day as ranges
 * ("09:00-12:00, 13:00-17:00"), date overrides one a line ("2026-12-24 off",
 * "2026-12-27 10:00-14:00"); a mistake re-renders the form (422) with the message beside its field.
 */
@Controller("/counsellor/availability")
@Secured("COUNSELLOR")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
class CounsellorAvailabilityController {
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*[-–]\\s*(\\d{1,2}:\\d{2})\\s*");
    private static final Pattern OVERRIDE = Pattern.compile(
            "\\s*(\\S+)\\s+(?:(off)|(\\d{1,2}:\\d{2})\\s*[-–]\\s*(\\d{1,2}:\\d{2}))\\s*", Pattern.CASE_INSENSITIVE);

    @Serdeable
    record AvailabilityForm(
            @Nullable String timeZone,
            @Nullable String bufferBeforeMinutes,
            @Nullable String bufferAfterMinutes,
            @Nullable String minimumNoticeMinutes,
            @Nullable String bookingWindowDays,
            @Nullable String slotIntervalMinutes,
            @Nullable String day1,
            @Nullable String day2,
            @Nullable String day3,
            @Nullable String day4,
            @Nullable String day5,
            @Nullable String day6,
            @Nullable String day7,
            @Nullable String overrides) {
        String day(int isoDay) {
            return switch (isoDay) {
                case 1 -> day1;
                case 2 -> day2;
                case 3 -> day3;
                case 4 -> day4;
                case 5 -> day5;
                case 6 -> day6;
                default -> day7;
            };
        }
    }

    private final Counsellors counsellors;

    CounsellorAvailabilityController(Counsellors counsellors) {
        this.counsellors = counsellors;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> form(@CurrentUser SignedInUser user, @Nullable @QueryValue String saved) {
        AvailabilityView current = AvailabilityView.of(counsellors.availabilityOf(user.universityId(), user.userId()));
        return new ModelAndView<>("counselling/availability", model(formOf(current), Map.of(), saved != null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> save(@CurrentUser SignedInUser user, @Body AvailabilityForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        AvailabilityView view = parse(form, errors);
        try {
            Counsellors.AvailabilitySettings settings = Inputs.availability(view);
            if (errors.isEmpty()) {
                counsellors.changeAvailability(user, settings);
                return HttpResponse.seeOther(URI.create("/counsellor/availability?saved=1"));
            }
        } catch (CounsellingException e) {
            e.fields().forEach(errors::putIfAbsent);
        }
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("counselling/availability", model(form, errors, false)));
    }

    private static AvailabilityView parse(AvailabilityForm form, Map<String, String> errors) {
        List<WeeklyView> weekly = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            String text = form.day(day) == null ? "" : form.day(day).strip();
            if (text.isEmpty()) {
                continue;
            }
            for (String part : text.split(",")) {
                Matcher range = RANGE.matcher(part);
                if (!range.matches()) {
                    errors.putIfAbsent("day" + day, "Write hours as 09:00-12:00, with a comma between ranges.");
                    continue;
                }
                weekly.add(new WeeklyView(DayOfWeek.of(day).name(), pad(range.group(1)), pad(range.group(2))));
            }
        }
        List<OverrideView> overrides = new ArrayList<>();
        String lines = form.overrides() == null ? "" : form.overrides();
        for (String line : lines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher override = OVERRIDE.matcher(line);
            if (!override.matches()) {
                errors.putIfAbsent(
                        "overrides",
                        "“" + line.strip() + "”: write one date a line, as 2026-12-24 off or 2026-12-27 10:00-14:00.");
                continue;
            }
            boolean off = override.group(2) != null;
            overrides.add(new OverrideView(
                    override.group(1), off, off ? null : pad(override.group(3)), off ? null : pad(override.group(4))));
        }
        return new AvailabilityView(
                form.timeZone(),
                number("bufferBeforeMinutes", form.bufferBeforeMinutes(), errors),
                number("bufferAfterMinutes", form.bufferAfterMinutes(), errors),
                number("minimumNoticeMinutes", form.minimumNoticeMinutes(), errors),
                number("bookingWindowDays", form.bookingWindowDays(), errors),
                number("slotIntervalMinutes", form.slotIntervalMinutes(), errors),
                weekly,
                overrides);
    }

    /** The API's field names for weekly rows and overrides point at the form's day and overrides fields. */
    private static Map<String, Object> model(AvailabilityForm form, Map<String, String> errors, boolean saved) {
        Map<String, String> shown = new HashMap<>();
        errors.forEach((field, message) -> {
            String key = field.startsWith("overrides") ? "overrides" : field.startsWith("weekly") ? "weekly" : field;
            shown.putIfAbsent(key, message);
        });
        List<Map<String, Object>> days = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            Map<String, Object> row = new HashMap<>();
            row.put("field", "day" + day);
            row.put("name", DayOfWeek.of(day).getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            row.put("value", form.day(day) == null ? "" : form.day(day));
            row.put("error", shown.get("day" + day));
            days.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("values", form);
        model.put("days", days);
        model.put("errors", shown);
        model.put("hasErrors", !shown.isEmpty());
        model.put("saved", saved);
        return model;
    }

    private static AvailabilityForm formOf(AvailabilityView view) {
        Map<Integer, String> byDay = view.weekly().stream()
                .collect(Collectors.groupingBy(
                        w -> DayOfWeek.valueOf(w.day()).getValue(),
                        Collectors.mapping(w -> w.start() + "-" + w.end(), Collectors.joining(", "))));
        String overrides = view.overrides().stream()
                .map(o -> o.date() + (o.off() ? " off" : " " + o.start() + "-" + o.end()))
                .collect(Collectors.joining("\n"));
        return new AvailabilityForm(
                view.timeZone(),
                Integer.toString(view.bufferBeforeMinutes()),
                Integer.toString(view.bufferAfterMinutes()),
                Integer.toString(view.minimumNoticeMinutes()),
                Integer.toString(view.bookingWindowDays()),
                Integer.toString(view.slotIntervalMinutes()),
                byDay.getOrDefault(1, ""),
                byDay.getOrDefault(2, ""),
                byDay.getOrDefault(3, ""),
                byDay.getOrDefault(4, ""),
                byDay.getOrDefault(5, ""),
                byDay.getOrDefault(6, ""),
                byDay.getOrDefault(7, ""),
                overrides);
    }

    private static int number(String field, @Nullable String value, Map<String, String> errors) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a whole number.");
            return 0;
        }
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }
}
