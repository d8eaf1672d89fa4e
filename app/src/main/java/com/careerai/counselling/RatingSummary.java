package com.careerai.counselling;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A counsellor's ratings: average (null without any), count, how many of each star (index 0 = one
 * star) and the monthly average, oldest month first. Hidden comments still count.
 */
@Serdeable
record RatingSummary(@Nullable Double average, int count, List<Integer> distribution, List<Month> trend) {

    @Serdeable
    record Month(String month, double average, int count) {}

    /** How many ratings of {@code rating} stars were given in {@code month} ({@code 2026-11}, UTC). */
    record Counted(String month, int rating, int count) {}

    /** The summary of counted ratings (a month's may come in any order). */
    static RatingSummary of(List<Counted> counted) {
        int[] stars = new int[5];
        Map<String, int[]> months = new TreeMap<>();
        int sum = 0;
        int count = 0;
        for (Counted given : counted) {
            stars[given.rating() - 1] += given.count();
            sum += given.rating() * given.count();
            count += given.count();
            int[] month = months.computeIfAbsent(given.month(), m -> new int[2]);
            month[0] += given.rating() * given.count();
            month[1] += given.count();
        }
        List<Month> trend = new ArrayList<>();
        months.forEach(
                (month, totals) -> trend.add(new Month(month, round((double) totals[0] / totals[1]), totals[1])));
        List<Integer> distribution = new ArrayList<>();
        for (int given : stars) {
            distribution.add(given);
        }
        return new RatingSummary(count == 0 ? null : round((double) sum / count), count, distribution, trend);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
