package com.careerai.courses;

import com.careerai.platform.web.Plural;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A batch's figures for staff and its instructor, each one SQL aggregate: enrolments by status and revenue. */
@Singleton
class BatchFigures {
    private final EnrolmentStore enrolments;

    BatchFigures(EnrolmentStore enrolments) {
        this.enrolments = enrolments;
    }

    @Transactional(readOnly = true)
    Map<String, Object> of(long universityId, Batch batch) {
        Map<String, Object> figures = new LinkedHashMap<>();
        List<Map<String, Object>> statuses = new ArrayList<>();
        enrolments
                .countsByStatus(universityId, batch.id())
                .forEach((status, count) -> statuses.add(Map.of(
                        "status",
                        status.name(),
                        "label",
                        status.name().charAt(0) + status.name().substring(1).toLowerCase(java.util.Locale.ROOT),
                        "count",
                        count)));
        figures.put("statuses", statuses);
        figures.put("places", batch.seatsTaken() + " of " + Plural.of(batch.capacity(), "place") + " taken");
        List<String> revenue = new ArrayList<>();
        for (EnrolmentStore.Revenue line : enrolments.revenue(universityId, batch.id())) {
            revenue.add(
                    line.payment() == Enrolment.Payment.MONEY
                            ? Course.money(line.cents(), line.unit()) + " from "
                                    + Plural.of(line.enrolments(), "card payment")
                            : line.credits() + " " + line.unit().toLowerCase(java.util.Locale.ROOT) + " credits from "
                                    + Plural.of(line.enrolments(), "enrolment"));
        }
        figures.put("revenue", revenue);
        return figures;
    }
}
