package com.careerai.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.platform.data.UniversityScope;
import com.careerai.tenancy.University;
import io.micronaut.core.propagation.PropagatedContext;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * "Write as university A, read as university B, expect nothing" in one line:
 * {@code CrossTenant.assertInvisible(a, b, uni -> repo.save(..), (uni, saved) -> repo.find(uni.id(), saved.id()))}.
 * The read must also find the row as A, so a read that finds nothing at all cannot pass.
 */
public final class CrossTenant {
    private CrossTenant() {}

    public static <T> void assertInvisible(
            University a, University b, Function<University, T> writeAsA, BiFunction<University, T, ?> read) {
        T written = within(a, () -> writeAsA.apply(a));
        assertThat(isEmpty(within(a, () -> read.apply(a, written))))
                .as("the row written as %s must be visible to %s itself", a.subdomain(), a.subdomain())
                .isFalse();
        assertThat(isEmpty(within(b, () -> read.apply(b, written))))
                .as("the row written as %s must be invisible to %s", a.subdomain(), b.subdomain())
                .isTrue();
    }

    /** Runs {@code work} bound to {@code university}, as a request on its host would be. */
    @SuppressWarnings("try")
    public static <T> T within(University university, Supplier<T> work) {
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty()
                .plus(new UniversityScope(university.id()))
                .propagate()) {
            return work.get();
        }
    }

    private static boolean isEmpty(Object result) {
        if (result == null) {
            return true;
        }
        if (result instanceof Optional<?> optional) {
            return optional.isEmpty();
        }
        if (result instanceof Collection<?> collection) {
            return collection.isEmpty();
        }
        if (result instanceof Map<?, ?> map) {
            return map.isEmpty();
        }
        if (result instanceof Number number) {
            return number.longValue() == 0;
        }
        if (result instanceof Boolean bool) {
            return !bool;
        }
        return false;
    }
}
