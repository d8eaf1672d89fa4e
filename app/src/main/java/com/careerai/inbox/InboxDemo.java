package com.careerai.inbox;

import com.careerai.auth.Role;
import com.careerai.auth.SignInService;
import com.careerai.auth.SignedInUser;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoUniversity;
import com.careerai.notifications.Notice;
import com.careerai.notifications.NoticeKind;
import com.careerai.notifications.Notifications;
import com.careerai.tenancy.UniversityAdministration;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Demo notifications: the demo student {@code student@demo.edu} (signed in once, so with a wallet)
 * has a sent welcome announcement and two notices in the inbox, and an announcement is scheduled
 * for next week. Seeded once: the welcome announcement marks it done.
 */
@Singleton
class InboxDemo implements DemoSeedStep {
    static final String WELCOME = "Welcome to the careers service";

    private final UserAccounts users;
    private final SignInService signIns;
    private final UniversityAdministration universities;
    private final Announcements announcements;
    private final AnnouncementStore store;
    private final AnnouncementSender sender;
    private final Notifications notifications;

    InboxDemo(
            UserAccounts users,
            SignInService signIns,
            UniversityAdministration universities,
            Announcements announcements,
            AnnouncementStore store,
            AnnouncementSender sender,
            Notifications notifications) {
        this.users = users;
        this.signIns = signIns;
        this.universities = universities;
        this.announcements = announcements;
        this.store = store;
        this.sender = sender;
        this.notifications = notifications;
    }

    @Override
    public int getOrder() {
        return CONTENT + 50;
    }

    @Override
    public void seed(DemoUniversity demo) {
        if (store.existsTitled(demo.id(), WELCOME)) {
            return;
        }
        String studentEmail = demo.address("student");
        User student = users.findByEmail(demo.id(), studentEmail)
                .orElseGet(() -> signIns.completeEmailSignIn(
                        universities.findById(demo.id()).orElseThrow(), studentEmail));
        SignedInUser staff = SignedInUser.of(users.ensure(demo.id(), demo.address("staff"), "Dana Staff", Role.STAFF));

        Announcement welcome = announcements.create(
                staff,
                new Announcements.Draft(
                        WELCOME,
                        "Hello and welcome!\n\nYour careers team is here all year: book a free 15-minute drop-in with a"
                                + " counsellor, try the AI tools with the credits on your account, and keep an eye on"
                                + " this inbox for events and deadlines.\n\nOpening hours and the events calendar:"
                                + " https://example.edu/careers",
                        Announcement.Audience.ALL_STUDENTS,
                        List.of()));
        announcements.schedule(staff, welcome.id(), Instant.now());
        sender.send(demo.id(), welcome.id(), AnnouncementSender.PageHook.NONE);

        Announcement fair = announcements.create(
                staff,
                new Announcements.Draft(
                        "Spring careers fair: 40 employers on campus",
                        "Meet graduate recruiters from software, finance, consulting and the public sector.\n"
                                + "Bring a printed CV: run it through CV Analysis first.",
                        Announcement.Audience.ALL_STUDENTS,
                        List.of()));
        Instant nextWeek = LocalDate.now(ZoneOffset.UTC)
                .plusDays(7)
                .atTime(9, 0)
                .toInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES);
        announcements.schedule(staff, fair.id(), nextWeek);

        notifications.publish(
                demo.id(),
                student.id(),
                new Notice(
                        NoticeKind.BOOKING,
                        "Book a free drop-in with a counsellor",
                        "Casey Coach and Morgan Mentor take 15-minute drop-in questions every weekday.",
                        "/counselling",
                        false));
        notifications.publish(
                demo.id(),
                student.id(),
                new Notice(
                        NoticeKind.RUN,
                        "Your credits are ready",
                        "Silver and gold credits are on your account: try Job Pack or CV Analysis.",
                        "/tools",
                        false));
    }
}
