package com.careerai.counselling;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.YearMonth;
import java.time.ZoneOffset;
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

    static RatingSummary of(List<FeedbackStore.Given> feedback) {
        int[] stars = new int[5];
        Map<YearMonth, int[]> months = new TreeMap<>();
        int sum = 0;
        for (FeedbackStore.Given given : feedback) {
            stars[given.rating() - 1]++;
            sum += given.rating();
            int[] month =
                    months.computeIfAbsent(YearMonth.from(given.createdAt().atOffset(ZoneOffset.UTC)), m -> new int[2]);
            month[0] += given.rating();
            month[1]++;
        }
        List<Month> trend = new ArrayList<>();
        months.forEach((month, totals) ->
                trend.add(new Month(month.toString(), round((double) totals[0] / totals[1]), totals[1])));
        List<Integer> distribution = new ArrayList<>();
        for (int count : stars) {
            distribution.add(count);
        }
        return new RatingSummary(
                feedback.isEmpty() ? null : round((double) sum / feedback.size()),
                feedback.size(),
                distribution,
                trend);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
