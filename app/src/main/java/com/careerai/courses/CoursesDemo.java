package com.careerai.courses;

import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.credits.Currency;
import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoUniversity;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Demo courses: a free "Python for Analysts" whose batch runs this week (weekday sessions, the
 * first with a recording), taught by the demo coach, and a paid "Consulting case bootcamp" (card
 * or gold credits). The free batch has one open assignment; its first session has a recording, one
 * material (the slides, a link) and attendance taken for two classmates enrolled by the demo (one
 * present, one absent). Running it again changes nothing.
 */
@Singleton
class CoursesDemo implements DemoSeedStep {
    static final String FREE = "Python for Analysts";
    static final String PAID = "Consulting case bootcamp";
    static final String ASSIGNMENT = "First analysis: monthly revenue";
    static final String SLIDES = "Day 1 slides: pandas in ten minutes";
    private static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final UserAccounts users;
    private final Courses courses;
    private final CourseStore store;
    private final CourseClock clock;
    private final AssignmentStore assignments;
    private final MaterialStore materials;
    private final AttendanceStore attendance;
    private final Enrolments enrolments;

    CoursesDemo(
            UserAccounts users,
            Courses courses,
            CourseStore store,
            CourseClock clock,
            AssignmentStore assignments,
            MaterialStore materials,
            AttendanceStore attendance,
            Enrolments enrolments) {
        this.users = users;
        this.courses = courses;
        this.store = store;
        this.clock = clock;
        this.assignments = assignments;
        this.materials = materials;
        this.attendance = attendance;
        this.enrolments = enrolments;
    }

    @Override
    public int getOrder() {
        return CONTENT;
    }

    @Override
    public void seed(DemoUniversity demo) {
        User staff = users.ensure(demo.id(), demo.address("staff"), "Dana Staff", Role.STAFF);
        User coach = users.ensure(demo.id(), demo.address("coach"), "Casey Coach", Role.COUNSELLOR);
        SignedInUser actor = SignedInUser.of(staff);
        LocalDate monday =
                clock.now().atZone(ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (store.courseIdByTitle(demo.id(), FREE).isEmpty()) {
            long course = courses.create(
                    actor,
                    new CourseStore.CourseFields(
                            FREE,
                            "Spreadsheets to Python in four weeks: pandas, charts and a small analysis for your portfolio.\n"
                                    + "Live classes every weekday morning; recordings follow each class.",
                            "Load and clean data with pandas\nChart it with matplotlib\nPresent one analysis",
                            null,
                            null,
                            null,
                            null,
                            30,
                            Course.Visibility.PUBLIC));
            long batch = courses.addBatch(
                    actor,
                    course,
                    new CourseStore.BatchFields(
                            "Winter batch",
                            monday,
                            monday.plusWeeks(4).minusDays(1),
                            ZONE,
                            List.of(1, 2, 3, 4, 5),
                            LocalTime.of(10, 0),
                            60,
                            coach.id(),
                            "https://meet.jit.si/careerai-demo-python",
                            null,
                            null,
                            30));
            BatchSession first = store.sessions(demo.id(), batch).get(0);
            store.setRecording(demo.id(), first.id(), "https://www.youtube.com/watch?v=vmEHCJofslg");
        }
        store.courseIdByTitle(demo.id(), FREE)
                .flatMap(course ->
                        store.batchesOfCourse(demo.id(), course).stream().findFirst())
                .filter(batch ->
                        assignments.idByTitle(demo.id(), batch.id(), ASSIGNMENT).isEmpty())
                .ifPresent(batch -> assignments.insert(
                        demo.id(),
                        batch.id(),
                        coach.id(),
                        new AssignmentStore.Fields(
                                ASSIGNMENT,
                                "Load the sample sales sheet with pandas, chart monthly revenue and write three"
                                        + " sentences on what the chart shows. Paste your notebook's key cells or"
                                        + " attach a PDF.",
                                null,
                                monday.plusWeeks(2)
                                        .atTime(LocalTime.of(17, 0))
                                        .atZone(ZONE)
                                        .toInstant(),
                                monday.plusWeeks(3)
                                        .atTime(LocalTime.of(17, 0))
                                        .atZone(ZONE)
                                        .toInstant(),
                                2,
                                100)));
        store.courseIdByTitle(demo.id(), FREE)
                .flatMap(course ->
                        store.batchesOfCourse(demo.id(), course).stream().findFirst())
                .filter(batch -> materials.ofBatch(demo.id(), batch.id()).isEmpty())
                .ifPresent(batch -> firstClassFollowUp(demo, batch, coach));
        if (store.courseIdByTitle(demo.id(), PAID).isEmpty()) {
            long course = courses.create(
                    actor,
                    new CourseStore.CourseFields(
                            PAID,
                            "Six evening workshops on case interviews with former consultants, with live practice in pairs.",
                            "Structure a market-sizing case\nLead a profitability case\nGive and take feedback",
                            4900L,
                            "usd",
                            5,
                            Currency.GOLD,
                            16,
                            Course.Visibility.PUBLIC));
            LocalDate start = monday.plusWeeks(2);
            courses.addBatch(
                    actor,
                    course,
                    new CourseStore.BatchFields(
                            "Spring batch",
                            start,
                            start.plusWeeks(3).minusDays(1),
                            ZONE,
                            List.of(2, 4),
                            LocalTime.of(18, 30),
                            90,
                            coach.id(),
                            "https://meet.jit.si/careerai-demo-cases",
                            null,
                            null,
                            16));
        }
    }

    /** The first class's slides and its register: two demo classmates, one present and one absent. */
    private void firstClassFollowUp(DemoUniversity demo, Batch batch, User coach) {
        BatchSession first = store.sessions(demo.id(), batch.id()).get(0);
        materials.insert(
                demo.id(),
                new MaterialStore.Target(batch.id(), first.id(), null),
                SLIDES,
                "https://pandas.pydata.org/docs/user_guide/10min.html",
                null,
                coach.id());
        User ava = users.ensure(demo.id(), demo.address("ava"), "Ava Patel", Role.STUDENT);
        User ben = users.ensure(demo.id(), demo.address("ben"), "Ben Okafor", Role.STUDENT);
        for (User classmate : List.of(ava, ben)) {
            if (enrolments.mine(SignedInUser.of(classmate)).isEmpty()) {
                enrolments.enrol(SignedInUser.of(classmate), batch.id(), null, "https://" + demo.subdomain());
            }
        }
        attendance.mark(demo.id(), first.id(), ava.id(), true, coach.id());
        attendance.mark(demo.id(), first.id(), ben.id(), false, coach.id());
    }
}
