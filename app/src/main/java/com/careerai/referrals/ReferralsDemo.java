package com.careerai.referrals;

import com.careerai.auth.Role;
import com.careerai.auth.User;
import com.careerai.auth.UserAccounts;
import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoUniversity;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Demo referrals: Riya referred Sam (reward held for both — sign in as either to see it) and Lee,
 * who signed up from Riya's own address (waiting in staff review). Running it again changes nothing.
 */
@Singleton
class ReferralsDemo implements DemoSeedStep {
    private static final String RIYAS_ADDRESS = "198.51.100.23";

    private final Referrals referrals;
    private final UserAccounts users;

    ReferralsDemo(Referrals referrals, UserAccounts users) {
        this.referrals = referrals;
        this.users = users;
    }

    @Override
    public void seed(DemoUniversity demo) {
        User riya = users.ensure(demo.id(), demo.address("riya"), "Riya Referrer", Role.STUDENT);
        User sam = users.ensure(demo.id(), demo.address("sam"), "Sam Friend", Role.STUDENT);
        User lee = users.ensure(demo.id(), demo.address("lee"), "Lee Sameroom", Role.STUDENT);
        String code = referrals.codeFor(demo.id(), riya.id()).code();
        referrals.seen(demo.id(), riya.id(), RIYAS_ADDRESS);
        Instant now = Instant.now();
        referrals.recordSignUp(demo.id(), sam.id(), code, "203.0.113.50", now);
        referrals.recordSignUp(demo.id(), lee.id(), code, RIYAS_ADDRESS, now);
    }

    @Override
    public int getOrder() {
        return CONTENT;
    }
}
