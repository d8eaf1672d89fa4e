package com.careerai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.careerai.platform.web.CallsOut;
import com.careerai.platform.web.HandsOff;
import com.careerai.platform.web.RequestExecutor;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.HttpMethodMapping;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which pool a route runs on (ADR 0077). The request pool ({@code blocking}, and {@code request} on top
 * of it) is sized to the cores; a route that waits on another system — a method marked
 * {@link CallsOut}, reached directly or through services, adapters and default methods — runs on
 * Micronaut's {@code io} pool instead, and a route on the {@code io} pool is one that does. Calls are
 * followed through every implementation of an interface or subclass of a class in
 * {@code com.careerai}; calls made inside lambdas count for the method that declares them; an event
 * published with an {@link ApplicationEventPublisher} (not its async variant) reaches every
 * {@link EventListener} method and {@link ApplicationEventListener} of that event's type, which run on
 * the publishing thread (at once, or after the commit for a transactional listener); and calls made
 * inside a {@link HandsOff} method, which starts its work on threads of its own, are not followed.
 */
class RequestPoolsTest {
    private static final String BASE = "com.careerai.";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("com.careerai");
    /** Every synchronous listener of ours, as (the event type it takes, the method). */
    private static final List<Map.Entry<JavaClass, JavaMethod>> LISTENERS = CLASSES.stream()
            .flatMap(type -> type.getMethods().stream())
            .filter(method -> method.getRawParameterTypes().size() == 1
                    && (method.isMetaAnnotatedWith(EventListener.class)
                            || (method.getName().equals("onApplicationEvent")
                                    && method.getOwner().isAssignableTo(ApplicationEventListener.class)
                                    && !method.getRawParameterTypes().get(0).isEquivalentTo(Object.class))))
            .map(method -> Map.entry(method.getRawParameterTypes().get(0), method))
            .toList();

    static final ArchRule ROUTES_ON_THEIR_POOL = methods()
            .that()
            .areMetaAnnotatedWith(HttpMethodMapping.class)
            .and()
            .areDeclaredInClassesThat()
            .areMetaAnnotatedWith(Controller.class)
            .should(runOnTheIoPoolExactlyWhenTheyCallOut())
            .because("the request pool has a few threads per core: a route that waits seconds on object"
                    + " storage or a payment provider there would hold one of them, and enough such requests"
                    + " would stall every page of the node (mark the route @ExecuteOn(TaskExecutors.IO));"
                    + " a route that does not wait belongs on the request pool");

    @Test
    void routesRunOnTheIoPoolExactlyWhenTheyCallOut() {
        ROUTES_ON_THEIR_POOL.check(CLASSES);
    }

    /** The rule would pass on nothing if calls stopped being followed: known paths must be found. */
    @Test
    void followsCallsThroughServicesImplementationsAndLambdasButNotIntoAHandOff() {
        assertThat(pathToACallOut(route("com.careerai.billing.BillingController", "checkout"))
                        .map(RequestPoolsTest::describe))
                .as("the first call out found, calls followed in the order of their names")
                .hasValue("BillingController.checkout → BillingService.checkout → RazorpayCheckoutProvider.start"
                        + " → RazorpayGateway.createOrder");
        assertThat(pathTo(route("com.careerai.billing.BillingController", "checkout"), unit -> unit.getFullName()
                                .contains("PaymentGateway.createCheckoutSession"))
                        .map(RequestPoolsTest::describe))
                .hasValue("BillingController.checkout → BillingService.checkout → StripeCheckoutProvider.start"
                        + " → PaymentGateway.createCheckoutSession");
        assertThat(pathToACallOut(route("com.careerai.ai.ToolsApiController", "start")))
                .as("the instant tools' model call is made inside SynchronousRuns.start, a hand-off")
                .isEmpty();
        assertThat(poolOf(route("com.careerai.ai.ToolsApiController", "start"))).isEqualTo("blocking (request)");
    }

    /** A listener runs on the thread that publishes its event: what it waits for, the route waits for. */
    @Test
    void followsAnEventToItsListeners() {
        assertThat(pathTo(
                                route("com.careerai.staff.StaffTeamController", "invite"),
                                unit -> unit.getOwner().getSimpleName().equals("InvitationMailListener"))
                        .map(RequestPoolsTest::describe))
                .hasValue(
                        "StaffTeamController.invite → Invitations.invite → InvitationMailListener.onInvitationCreated");
    }

    private static JavaMethod route(String controller, String name) {
        return CLASSES.get(controller).getMethods().stream()
                .filter(method -> method.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static ArchCondition<JavaMethod> runOnTheIoPoolExactlyWhenTheyCallOut() {
        return new ArchCondition<>("run on the io pool exactly when they reach a @CallsOut method") {
            @Override
            public void check(JavaMethod route, ConditionEvents events) {
                Optional<List<JavaCodeUnit>> path = pathToACallOut(route);
                String pool = poolOf(route);
                boolean onIo = TaskExecutors.IO.equals(pool);
                if (path.isPresent() && !onIo) {
                    events.add(SimpleConditionEvent.violated(
                            route,
                            route.getFullName() + " runs on " + pool + " but waits on another system: "
                                    + describe(path.get())));
                } else if (path.isEmpty() && onIo) {
                    events.add(SimpleConditionEvent.violated(
                            route, route.getFullName() + " runs on io but reaches no @CallsOut method"));
                }
            }
        };
    }

    /** The executor a route runs on: its own {@code @ExecuteOn}, its controller's, or the event loop. */
    static String poolOf(JavaMethod route) {
        return route.tryGetAnnotationOfType(ExecuteOn.class)
                .or(() -> route.getOwner().tryGetAnnotationOfType(ExecuteOn.class))
                .map(ExecuteOn::value)
                .map(name -> name.equals(RequestExecutor.NAME) ? TaskExecutors.BLOCKING + " (request)" : name)
                .orElse("the event loop");
    }

    /** The calls from {@code route} to the first {@link CallsOut} method it reaches, breadth first. */
    static Optional<List<JavaCodeUnit>> pathToACallOut(JavaMethod route) {
        return pathTo(route, RequestPoolsTest::callsOut);
    }

    /** The calls from {@code route} to the first code unit that is {@code wanted}, breadth first. */
    static Optional<List<JavaCodeUnit>> pathTo(JavaMethod route, Predicate<JavaCodeUnit> wanted) {
        Map<JavaCodeUnit, JavaCodeUnit> reachedFrom = new HashMap<>();
        Deque<JavaCodeUnit> queue = new ArrayDeque<>();
        reachedFrom.put(route, route);
        queue.add(route);
        while (!queue.isEmpty()) {
            JavaCodeUnit unit = queue.remove();
            if (wanted.test(unit)) {
                List<JavaCodeUnit> path = new ArrayList<>();
                for (JavaCodeUnit step = unit; step != route; step = reachedFrom.get(step)) {
                    path.add(0, step);
                }
                path.add(0, route);
                return Optional.of(path);
            }
            if (unit.isAnnotatedWith(HandsOff.class)) {
                continue; // its work runs on threads of its own; the caller does not wait for it
            }
            accessesFrom(unit)
                    .flatMap(RequestPoolsTest::withOverrides)
                    .filter(next -> next.getOwner().getName().startsWith(BASE))
                    // by name: ArchUnit's sets of calls have no order of their own; the path found should not vary
                    .sorted(Comparator.comparing(JavaCodeUnit::getFullName))
                    .forEach(next -> {
                        if (reachedFrom.putIfAbsent(next, unit) == null) {
                            queue.add(next);
                        }
                    });
        }
        return Optional.empty();
    }

    private static Stream<JavaCodeUnit> accessesFrom(JavaCodeUnit unit) {
        return Stream.concat(calledFrom(unit), listenersOfEventsPublishedBy(unit));
    }

    private static Stream<JavaCodeUnit> calledFrom(JavaCodeUnit unit) {
        return Stream.of(
                        unit.getMethodCallsFromSelf(),
                        unit.getConstructorCallsFromSelf(),
                        unit.getMethodReferencesFromSelf(),
                        unit.getConstructorReferencesFromSelf())
                .flatMap(accesses -> accesses.stream())
                .map(JavaAccess::getTarget)
                .map(target -> ((AccessTarget.CodeUnitAccessTarget) target).resolveMember())
                .flatMap(Optional::stream)
                .map(JavaCodeUnit.class::cast);
    }

    /**
     * The listeners of the events {@code unit} publishes synchronously: those of every event type its
     * class has an {@code ApplicationEventPublisher<E>} field for.
     */
    private static Stream<JavaCodeUnit> listenersOfEventsPublishedBy(JavaCodeUnit unit) {
        boolean publishes = unit.getMethodCallsFromSelf().stream()
                .anyMatch(call -> call.getTarget().getOwner().isEquivalentTo(ApplicationEventPublisher.class)
                        && call.getTarget().getName().equals("publishEvent"));
        if (!publishes) {
            return Stream.empty();
        }
        List<JavaClass> events = unit.getOwner().getAllFields().stream()
                .filter(field -> field.getRawType().isEquivalentTo(ApplicationEventPublisher.class))
                .map(JavaField::getType)
                .filter(JavaParameterizedType.class::isInstance)
                .map(type -> ((JavaParameterizedType) type)
                        .getActualTypeArguments()
                        .get(0)
                        .toErasure())
                .toList();
        return LISTENERS.stream()
                .filter(listener -> events.stream()
                        .anyMatch(
                                event -> event.isAssignableTo(listener.getKey().getName())))
                .map(Map.Entry::getValue);
    }

    /** The code unit itself and, for a method, every method of a subclass or implementation overriding it. */
    private static Stream<JavaCodeUnit> withOverrides(JavaCodeUnit unit) {
        if (!(unit instanceof JavaMethod method) || method.getModifiers().contains(JavaModifier.STATIC)) {
            return Stream.of(unit);
        }
        return Stream.concat(
                Stream.of(unit),
                method.getOwner().getAllSubclasses().stream().flatMap(type -> sameSignature(type, method).stream()));
    }

    private static boolean callsOut(JavaCodeUnit unit) {
        if (!(unit instanceof JavaMethod method)) {
            return false;
        }
        if (method.isAnnotatedWith(CallsOut.class)) {
            return true;
        }
        JavaClass owner = method.getOwner();
        return Stream.concat(owner.getAllRawSuperclasses().stream(), owner.getAllRawInterfaces().stream())
                .flatMap(type -> sameSignature(type, method).stream())
                .anyMatch(overridden -> overridden.isAnnotatedWith(CallsOut.class));
    }

    private static Optional<JavaMethod> sameSignature(JavaClass type, JavaMethod method) {
        return type.getMethods().stream()
                .filter(candidate -> candidate.getName().equals(method.getName())
                        && candidate.getRawParameterTypes().equals(method.getRawParameterTypes()))
                .findFirst();
    }

    private static String describe(List<JavaCodeUnit> path) {
        return String.join(
                " → ",
                path.stream()
                        .map(unit -> unit.getOwner().getSimpleName() + "." + unit.getName())
                        .toList());
    }
}
