package com.careerai.staff;

import com.careerai.auth.Invitations;
import com.careerai.auth.People;
import com.careerai.auth.Role;
import com.careerai.auth.SignedInUser;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * Invites a list of students: every new address gets an invitation email (queued in the same
 * transaction, so all of them or none), addresses that already have an account are left alone.
 */
@Singleton
class StudentInvitations {

    /** What an import did: the addresses invited and those skipped because they have an account. */
    record Result(List<String> invited, List<String> skipped) {}

    private final Invitations invitations;
    private final People people;

    StudentInvitations(Invitations invitations, People people) {
        this.invitations = invitations;
        this.people = people;
    }

    /** Invites the list's new addresses; the list must be {@link AddressList#valid()}. */
    Result invite(long universityId, SignedInUser staff, AddressList list) {
        List<String> addresses = list.addresses();
        Set<String> existing = people.existingEmails(universityId, addresses);
        List<String> invited =
                addresses.stream().filter(email -> !existing.contains(email)).toList();
        invitations.inviteAll(universityId, invited, Role.STUDENT, "user:" + staff.userId());
        return new Result(invited, addresses.stream().filter(existing::contains).toList());
    }
}
