package com.careerai.admin;

import com.careerai.auth.Invitations;
import com.careerai.auth.Role;
import com.careerai.auth.UserAccounts;
import com.careerai.platform.audit.AuditLog;
import com.careerai.platform.data.UnitOfWork;
import com.careerai.tenancy.NewUniversity;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import com.careerai.tenancy.UniversityChanges;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Onboards a university in one transaction: creates it (or finds it onboarded with the same
 * settings) and invites its staff. Invitations publish {@code InvitationCreated}, on which the
 * app's mail feature sends the invitation email. Running it again changes nothing but invites
 * staff emails that are new.
 */
@Singleton
class Onboarding {
    /**
     * @param created false when the university was already onboarded with these settings
     * @param invited staff emails invited now
     * @param alreadyInvited staff emails with a pending staff invitation already
     * @param alreadyUsers staff emails that already belong to a user of the university
     */
    record Result(
            University university,
            boolean created,
            List<String> invited,
            List<String> alreadyInvited,
            List<String> alreadyUsers) {}

    private final UniversityAdministration universities;
    private final Invitations invitations;
    private final UserAccounts users;
    private final AuditLog audit;

    Onboarding(
            UniversityAdministration universities,
            Invitations invitations,
            UserAccounts users,
            AuditLog audit,
            UnitOfWork units) {
        this.units = units;
        this.universities = universities;
        this.invitations = invitations;
        this.users = users;
        this.audit = audit;
    }

    private final UnitOfWork units;

    @Transactional
    Result onboard(NewUniversity requested, List<String> staff, String actor) {
        NewUniversity university = requested.normalised();
        Optional<University> existing = universities.findBySubdomain(university.subdomain());
        University onboarded;
        if (existing.isPresent()) {
            Map<String, Map<String, Object>> differences =
                    UniversityChanges.of(university).differences(existing.get());
            if (!differences.isEmpty()) {
                throw new ToolException(university.subdomain() + " is already onboarded with other settings ("
                        + describe(differences) + "): change them with `tenant-admin update "
                        + university.subdomain() + " …`");
            }
            onboarded = existing.get();
        } else {
            onboarded = universities.create(university, actor);
        }
        units.enter(onboarded.id());
        List<String> invited = new ArrayList<>();
        List<String> alreadyInvited = new ArrayList<>();
        List<String> alreadyUsers = new ArrayList<>();
        for (String email : staff) {
            if (users.findByEmail(onboarded.id(), email).isPresent()) {
                alreadyUsers.add(email);
            } else if (invitations
                    .pendingFor(onboarded.id(), email)
                    .filter(invitation -> invitation.role() == Role.STAFF)
                    .isPresent()) {
                alreadyInvited.add(email);
            } else {
                invitations.invite(onboarded.id(), email, Role.STAFF, actor);
                invited.add(email);
            }
        }
        if (!invited.isEmpty()) {
            audit.record(onboarded.id(), actor, "staff.invited", Map.of("emails", invited));
        }
        return new Result(onboarded, existing.isEmpty(), invited, alreadyInvited, alreadyUsers);
    }

    private static String describe(Map<String, Map<String, Object>> differences) {
        return differences.entrySet().stream()
                .map(difference -> TenantAdminCommand.optionOf(difference.getKey()) + " "
                        + quoted(difference.getValue().get("from")) + " → "
                        + quoted(difference.getValue().get("to")))
                .collect(Collectors.joining(", "));
    }

    private static String quoted(Object value) {
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }
}
