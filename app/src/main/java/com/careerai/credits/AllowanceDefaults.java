package com.careerai.credits;

import com.careerai.auth.SignedInUser;
import com.careerai.platform.audit.AuditLog;
import com.careerai.tenancy.University;
import com.careerai.tenancy.UniversityAdministration;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** The university's default allowance (credits a student receives at first sign-in), changed by staff. */
@Singleton
public class AllowanceDefaults {
    private final UniversityAdministration universities;
    private final AuditLog auditLog;
    private final CreditsConfiguration configuration;

    AllowanceDefaults(UniversityAdministration universities, AuditLog auditLog, CreditsConfiguration configuration) {
        this.universities = universities;
        this.auditLog = auditLog;
        this.configuration = configuration;
    }

    /**
     * Changes the defaults for students who sign up from now on (existing wallets are not
     * touched), writing old, new and the reason to the audit log in the same transaction.
     */
    @Transactional
    public University change(long universityId, SignedInUser staff, int silver, int gold, String reason) {
        if (staff.universityId() != universityId || !staff.isStaff()) {
            throw new IllegalArgumentException("only staff of university " + universityId + " change its defaults");
        }
        requireDefault("silver", silver);
        requireDefault("gold", gold);
        String why = Wallets.requireReason(reason);
        University before = universities.findById(universityId).orElseThrow();
        University after = universities.changeDefaults(universityId, silver, gold);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("silver", Map.of("from", before.defaultSilver(), "to", silver));
        details.put("gold", Map.of("from", before.defaultGold(), "to", gold));
        details.put("reason", why);
        auditLog.record(universityId, "user:" + staff.userId(), "credits.defaults.changed", details);
        return after;
    }

    private void requireDefault(String field, int value) {
        if (value < 0 || value > configuration.getMaxAmount()) {
            throw new CreditOperationException(
                    CreditErrorCode.INVALID_AMOUNT,
                    field,
                    "Enter a whole number from 0 to " + configuration.getMaxAmount() + ".");
        }
    }
}
