package com.careerai.auth.session;

import com.careerai.auth.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Everything under {@code /staff} (pages) and {@code /api/v1/staff} (their JSON) needs the STAFF
 * role, whatever a controller's own {@code @Secured} says: this rule runs before the annotation
 * rule and refuses anyone else; for staff it stays silent so the controller's rule still applies.
 */
@Singleton
class StaffAreaRule implements SecurityRule<HttpRequest<?>> {

    static boolean isStaffArea(String path) {
        return path.equals("/staff")
                || path.startsWith("/staff/")
                || path.equals("/api/v1/staff")
                || path.startsWith("/api/v1/staff/");
    }

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (!isStaffArea(request.getPath())) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        boolean staff = authentication != null && authentication.getRoles().contains(Role.STAFF.name());
        return Mono.just(staff ? SecurityRuleResult.UNKNOWN : SecurityRuleResult.REJECTED);
    }

    @Override
    public int getOrder() {
        return SecuredAnnotationRule.ORDER - 1;
    }
}
