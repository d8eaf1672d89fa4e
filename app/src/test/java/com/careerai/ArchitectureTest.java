package com.careerai;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.http.annotation.Controller;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import java.util.Optional;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/**
 * The module boundaries of docs/adr/0011-module-boundaries.md, checked on every build. A feature
 * is a direct child package of {@code com.careerai} other than {@code platform}; its sub-packages
 * belong to it ({@code auth.session} is part of {@code auth}).
 */
@AnalyzeClasses(packages = "com.careerai", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String BASE = "com.careerai.";
    private static final String PLATFORM = "platform";

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInACycle = slices().matching("com.careerai.(*)..")
            .namingSlices("feature $1")
            .that(areFeatures())
            .should()
            .beFreeOfCycles()
            .because("a feature uses another only through its public services or events, in one direction;"
                    + " two features that need each other are one feature or need an event between them");

    @ArchTest
    static final ArchRule platformDependsOnNoFeature = noClasses()
            .that()
            .resideInAPackage("com.careerai.platform..")
            .should()
            .dependOnClassesThat(resideInAFeature())
            .because("platform is the plumbing every feature builds on; a feature plugs into it through"
                    + " interfaces platform declares (LayoutContributor, …), never the other way round");

    @ArchTest
    static final ArchRule onlyJobRunrTakesConnectionsPastTheTenantWall = noClasses()
            .that()
            .resideOutsideOfPackages("com.careerai.platform.jobs..", "com.careerai.platform.data..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("com.careerai.platform.data.TablesWithoutTenants")
            .because("its connections may still carry the last university they served: only JobRunr's"
                    + " storage, whose SQL touches no tenant table, may take them (ADR 0056)");

    @ArchTest
    static final ArchRule repositoriesAndStoresStayInTheirFeature = classes()
            .that(resideInAFeature().and(simpleNameEndingWith("Repository").or(simpleNameEndingWith("Store"))))
            .should(beUsedOnlyInsideTheirFeature())
            .because("a feature's tables are its own: other features ask its public service, so a table"
                    + " can change without hunting for SQL elsewhere (make them package-private)");

    @ArchTest
    static final ArchRule controllersAreNotPublic = classes()
            .that()
            .areMetaAnnotatedWith(Controller.class)
            .should()
            .notBePublic()
            .because("routes are reached over HTTP, never called from other code");

    @ArchTest
    static final ArchRule eventListenersAreNotPublic = classes()
            .that(listenToEvents())
            .should()
            .notBePublic()
            .because("listeners are called by the event machinery, never from other code");

    @ArchTest
    static final ArchRule jobHandlersAreNotPublicExceptTheNestedHandlerJobRunrNeeds = classes()
            .that()
            .implement(JobRequestHandler.class)
            .and()
            .doNotHaveModifier(JavaModifier.ABSTRACT)
            .and()
            .arePublic()
            .should(beTheStaticHandlerNestedInItsJobRequest())
            .because("JobRunr instantiates a request's handler by reflection, so the one public handler is"
                    + " `public static class Handler` inside its JobRequest; anything else is called only by JobRunr");

    /** The feature a class belongs to ({@code auth} for {@code com.careerai.auth.otp.CodeStore}). */
    static Optional<String> featureOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(BASE)) {
            return Optional.empty();
        }
        String feature = name.substring(BASE.length()).split("\\.", 2)[0];
        return feature.equals(PLATFORM) ? Optional.empty() : Optional.of(feature);
    }

    private static DescribedPredicate<Slice> areFeatures() {
        return DescribedPredicate.describe("are features", slice -> !PLATFORM.equals(slice.getNamePart(1)));
    }

    private static DescribedPredicate<JavaClass> resideInAFeature() {
        return resideInAPackage("com.careerai.*..")
                .and(not(resideInAPackage("com.careerai.platform..")))
                .as("reside in a feature package");
    }

    private static DescribedPredicate<JavaClass> simpleNameEndingWith(String suffix) {
        return DescribedPredicate.describe("have simple name ending with '" + suffix + "'", type -> type.getSimpleName()
                .endsWith(suffix));
    }

    private static DescribedPredicate<JavaClass> listenToEvents() {
        return DescribedPredicate.describe(
                "listen to events (implement ApplicationEventListener or a platform *Listener interface,"
                        + " or have @EventListener / @TransactionalEventListener methods)",
                type -> type.isAssignableTo(ApplicationEventListener.class)
                        || implementsAPlatformListener(type)
                        || type.getMethods().stream()
                                .anyMatch(method -> method.isMetaAnnotatedWith(EventListener.class)
                                        || method.isMetaAnnotatedWith(TransactionalEventListener.class)));
    }

    /** Listener ports platform declares for features (e.g. an outbox listener interface). */
    private static boolean implementsAPlatformListener(JavaClass type) {
        return !type.isInterface()
                && type.getAllRawInterfaces().stream()
                        .anyMatch(port -> port.getPackageName().startsWith(BASE + PLATFORM)
                                && port.getSimpleName().endsWith("Listener"));
    }

    private static ArchCondition<JavaClass> beUsedOnlyInsideTheirFeature() {
        return new ArchCondition<>("be used only by classes of their own feature") {
            @Override
            public void check(JavaClass store, ConditionEvents events) {
                Optional<String> feature = featureOf(store);
                for (Dependency dependency : store.getDirectDependenciesToSelf()) {
                    JavaClass user = dependency.getOriginClass();
                    if (!featureOf(user).equals(feature)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beTheStaticHandlerNestedInItsJobRequest() {
        return new ArchCondition<>("be the `public static class Handler` nested in a JobRequest") {
            @Override
            public void check(JavaClass handler, ConditionEvents events) {
                boolean nestedInRequest = handler.getEnclosingClass()
                        .map(outer -> outer.isAssignableTo(JobRequest.class))
                        .orElse(false);
                boolean satisfied = handler.getSimpleName().equals("Handler")
                        && handler.getModifiers().contains(JavaModifier.STATIC)
                        && nestedInRequest;
                if (!satisfied) {
                    events.add(SimpleConditionEvent.violated(
                            handler,
                            handler.getName() + " is a public job handler but not the static nested Handler of"
                                    + " its JobRequest"));
                }
            }
        };
    }
}
