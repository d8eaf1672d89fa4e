package com.careerai.auth;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/** What other features may ask about users. Every method takes the university first. */
@Singleton
public class UserAccounts {
    private final UserRepository users;

    UserAccounts(UserRepository users) {
        this.users = users;
    }

    public Optional<User> find(long universityId, long userId) {
        return users.findByUniversityIdAndId(universityId, userId);
    }

    public Optional<User> findByEmail(long universityId, String email) {
        return users.findByUniversityIdAndEmail(universityId, normalise(email));
    }

    /** Creates the user unless one with this email exists in the university; returns either. */
    public User ensure(long universityId, String email, String name, Role role) {
        String normalised = normalise(email);
        return users.findByUniversityIdAndEmail(universityId, normalised)
                .orElseGet(() -> users.save(User.newUser(universityId, normalised, name, role)));
    }

    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
