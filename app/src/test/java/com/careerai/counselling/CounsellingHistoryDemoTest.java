package com.careerai.counselling;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.demo.DemoUniversity;
import com.careerai.tenancy.University;
import com.careerai.testing.CrossTenant;
import com.careerai.testing.Fixtures;
import com.careerai.testing.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class CounsellingHistoryDemoTest extends IntegrationTest {
    @Inject
    Fixtures fixtures;

    @Inject
    CounsellingDemo counsellingDemo;

    @Inject
    CounsellingHistoryDemo historyDemo;

    @Inject
    Counsellors counsellors;

    @Test
    void theDemoCounsellorsArriveWithSixRatedPastSessionsEachOnceHoweverOftenItRuns() {
        University uni = fixtures.university();
        DemoUniversity demo = new DemoUniversity(uni.id(), uni.name(), uni.subdomain(), "demo.edu");
        CrossTenant.within(uni, () -> {
            counsellingDemo.seed(uni.id());
            historyDemo.seed(demo);
            historyDemo.seed(demo);
            return null;
        });

        // what the students' list shows beside each name: (5+5+4+5+4+5)/6 and (5+4+3+5+4+5)/6
        assertThat(CrossTenant.within(uni, () -> counsellors.approved(uni.id())))
                .extracting(listed -> listed.counsellor().email() + " "
                        + listed.rating().count() + " " + listed.rating().average())
                .containsExactlyInAnyOrder("coach@demo.edu 6 4.7", "mentor@demo.edu 6 4.3");
        assertThat(count(
                        "SELECT count(*) FROM appointments a JOIN appointment_feedback f ON f.university_id = a.university_id"
                                + " AND f.appointment_id = a.id AND f.student_id = a.student_id"
                                + " WHERE a.university_id = ? AND a.status = 'COMPLETED' AND a.payment = 'FREE'"
                                + " AND a.ends_at < now() AND f.created_at > a.ends_at AND f.created_at < now()",
                        uni.id()))
                .as("completed free sessions in the past, each rated after it ended")
                .isEqualTo(12);
        assertThat(count(
                        "SELECT count(DISTINCT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM')) FROM appointment_feedback"
                                + " WHERE university_id = ?",
                        uni.id()))
                .as("the panel's rating by month has more than one month")
                .isGreaterThan(1);
    }

    @Test
    void addsNothingWithoutTheDemoCounsellors() {
        University uni = fixtures.university();
        CrossTenant.within(uni, () -> {
            historyDemo.seed(new DemoUniversity(uni.id(), uni.name(), uni.subdomain(), "demo.edu"));
            return null;
        });
        assertThat(count("SELECT count(*) FROM appointments WHERE university_id = ?", uni.id()))
                .isZero();
    }
}
