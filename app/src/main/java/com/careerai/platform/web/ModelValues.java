package com.careerai.platform.web;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.ValueResolver;
import com.github.jknack.handlebars.context.JavaBeanValueResolver;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.context.MethodValueResolver;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads a page model's members (record components, {@code getX}/{@code isX} getters, public no-argument
 * methods) through accessors built once per class, instead of Handlebars' JavaBean then method resolvers:
 * two member caches searched a read, then {@code Method.invoke} (issue 19's profile of the signed-in home:
 * a record's component was found only by the second, after the first missed, and every name missing at a
 * level of the context — most of them, as a page reads its layout from deep blocks — missed twice on the
 * model, its extended context and its data map). The members, their names and which wins are Handlebars'
 * own: found by its resolvers' own code ({@link Found}), the JavaBean resolver's before the method
 * resolver's. Maps stay with Handlebars' {@link MapValueResolver}, first, as in its default order.
 */
final class ModelValues implements ValueResolver {
    static final ModelValues INSTANCE = new ModelValues();

    private static final Beans BEANS = new Beans();
    private static final Methods METHODS = new Methods();

    private final ClassValue<Map<String, Accessor>> members = new ClassValue<>() {
        @Override
        protected Map<String, Accessor> computeValue(Class<?> type) {
            Map<String, Accessor> accessors = new HashMap<>();
            METHODS.named(type).forEach((name, method) -> accessors.put(name, Accessor.of(method)));
            BEANS.named(type).forEach((name, method) -> accessors.put(name, Accessor.of(method)));
            return accessors;
        }
    };

    private ModelValues() {}

    /** The root context of a render of {@code model}: Handlebars' maps resolver, then this. */
    static Context context(Object model) {
        return Context.newBuilder(model)
                .resolver(MapValueResolver.INSTANCE, INSTANCE)
                .build();
    }

    @Override
    public Object resolve(Object context, String name) {
        Accessor accessor = members.get(context.getClass()).get(name);
        return accessor == null ? UNRESOLVED : accessor.read(context);
    }

    @Override
    public Object resolve(Object context) {
        return UNRESOLVED;
    }

    /** Rarely read ({@code {{#each}}} over an object's members): Handlebars' resolvers' own answer, in their order. */
    @Override
    public Set<Map.Entry<String, Object>> propertySet(Object context) {
        Set<Map.Entry<String, Object>> properties = new LinkedHashSet<>(BEANS.propertySet(context));
        properties.addAll(METHODS.propertySet(context));
        return properties;
    }

    /**
     * One member's read. Compiled to a direct call where the member's class can be reached (the
     * application's own classes); otherwise (the JDK's classes, a member throwing a checked
     * exception) Handlebars' own reflective call, with its access rules and errors.
     */
    private interface Accessor {
        Object read(Object model);

        static Accessor of(Method method) {
            Function<Object, Object> direct = direct(method);
            if (direct == null) {
                return model -> METHODS.read(method, model);
            }
            return model -> {
                try {
                    return direct.apply(model);
                } catch (Error e) {
                    // as Handlebars' reflective call: a RuntimeException as thrown, anything else wrapped so
                    throw new IllegalStateException("Execution of '" + method.getName() + "' failed", e);
                }
            };
        }

        @SuppressWarnings("unchecked")
        private static Function<Object, Object> direct(Method method) {
            Class<?> owner = method.getDeclaringClass();
            if (method.getExceptionTypes().length > 0 || owner.getModule().isNamed()) {
                return null;
            }
            try {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
                MethodHandle target = lookup.unreflect(method);
                Class<?> returned =
                        MethodType.methodType(method.getReturnType()).wrap().returnType();
                return (Function<Object, Object>) LambdaMetafactory.metafactory(
                                lookup,
                                "apply",
                                MethodType.methodType(Function.class),
                                MethodType.methodType(Object.class, Object.class),
                                target,
                                MethodType.methodType(returned, owner))
                        .getTarget()
                        .invoke();
            } catch (Throwable e) {
                // not reachable this way (a member returning void, a class hidden from this module): Handlebars' call
                return null;
            }
        }
    }

    /**
     * The members one of Handlebars' resolvers finds on a class, by the names it reads them under, as its
     * member cache holds them: in the order found, a later member of the same name winning, each made
     * accessible where Handlebars makes it so.
     */
    private static Map<String, Method> named(
            Set<Method> found, Function<Method, String> nameOf, Predicate<Method> madeAccessible) {
        Map<String, Method> named = new HashMap<>();
        for (Method method : found) {
            if (madeAccessible.test(method)) {
                method.setAccessible(true);
            }
            named.put(nameOf.apply(method), method);
        }
        return named;
    }

    /** Handlebars' JavaBean resolver, asked for the members it reads. */
    private static final class Beans extends JavaBeanValueResolver {
        Map<String, Method> named(Class<?> type) {
            return ModelValues.named(members(type), this::memberName, this::isUseSetAccessible);
        }
    }

    /** Handlebars' method resolver, asked for the members it reads; and its reflective call. */
    private static final class Methods extends MethodValueResolver {
        Map<String, Method> named(Class<?> type) {
            return ModelValues.named(members(type), this::memberName, this::isUseSetAccessible);
        }

        Object read(Method method, Object model) {
            return invokeMember(method, model);
        }
    }
}
