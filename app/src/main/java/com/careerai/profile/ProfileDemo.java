package com.careerai.profile;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoStudent;
import com.careerai.demo.DemoUniversity;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Demo data: {@code student@demo.edu} has a career profile (Software Engineer / Data Analyst, London
 * and Remote) and a saved default resume, so the tools arrive pre-filled. Left alone once present.
 */
@Singleton
class ProfileDemo implements DemoSeedStep {
    private final UserAccounts users;
    private final CareerProfiles profiles;
    private final SavedResumes resumes;

    ProfileDemo(UserAccounts users, CareerProfiles profiles, SavedResumes resumes) {
        this.users = users;
        this.profiles = profiles;
        this.resumes = resumes;
    }

    @Override
    public int getOrder() {
        return CONTENT + 5;
    }

    @Override
    public void seed(DemoUniversity demo) {
        long universityId = demo.id();
        User student = users.ensure(universityId, demo.address("student"), "Sam Student", Role.STUDENT);
        if (profiles.of(universityId, student.id()).targetRoles().isEmpty()) {
            profiles.save(
                    universityId,
                    student.id(),
                    new ProfileInput(
                            "Sam Student",
                            "BSc Computer Science",
                            "2027",
                            List.of("Software Engineer", "Data Analyst"),
                            List.of("London", "Remote"),
                            "https://www.linkedin.com/in/sam-student-demo",
                            null,
                            null));
        }
        if (resumes.of(universityId, student.id()).isEmpty()) {
            resumes.add(universityId, student.id(), "Software roles", DemoStudent.RESUME, true);
        }
    }
}
