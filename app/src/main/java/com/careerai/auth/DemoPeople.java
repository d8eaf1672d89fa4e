package com.careerai.auth;

import com.careerai.demo.DemoSeedStep;
import com.careerai.demo.DemoUniversity;
import jakarta.inject.Singleton;

/** The demo university's staff member and counsellor; students are any address of its domain. */
@Singleton
class DemoPeople implements DemoSeedStep {
    private final UserAccounts users;

    DemoPeople(UserAccounts users) {
        this.users = users;
    }

    @Override
    public void seed(DemoUniversity demo) {
        users.ensure(demo.id(), demo.address("staff"), "Dana Staff", Role.STAFF);
        users.ensure(demo.id(), demo.address("coach"), "Casey Coach", Role.COUNSELLOR);
    }

    @Override
    public int getOrder() {
        return PEOPLE;
    }
}
