package io.ptimer.agent.binding;

import io.ptimer.agent.config.ConfigException;
import io.ptimer.api.Route;
import io.ptimer.api.TimerContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntBiFunction;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Binds a configured route to a loaded class. A method route gets a small generated class,
 * defined beside the route's class in the same class loader and package, that calls the method
 * directly: no reflection on the hot path. Thread-safe.
 */
public final class RouteBinder {
    /**
     * A method bound for a shape. A class, not a record: a record's {@code hashCode} bootstraps
     * {@code java.lang.runtime.ObjectMethods} on first use, some 30 ms of premain.
     */
    private static final class AdapterKey {
        private final Method method;
        private final RouteShape shape;

        AdapterKey(Method method, RouteShape shape) {
            this.method = method;
            this.shape = shape;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AdapterKey k && k.method.equals(method) && k.shape == shape;
        }

        @Override
        public int hashCode() {
            return method.hashCode() * 31 + System.identityHashCode(shape);
        }
    }

    private static final Map<AdapterKey, ToIntBiFunction<Object, Object>> ADAPTERS = new ConcurrentHashMap<>();
    /** Held while one adapter is generated, so that each is generated once. */
    private static final Object ADAPTER_LOCK = new Object();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private RouteBinder() {
    }

    /**
     * Checks that {@code spec} fits {@code type}, which must be its class, without generating
     * anything: what {@link #bind} would refuse, this refuses.
     *
     * @throws ConfigException naming the entry when the method or class does not fit the route's shape
     */
    static void check(RouteSpec spec, Class<?> type) throws ConfigException {
        if (spec.methodName() == null) {
            checkRouteClass(spec, type);
            checkInstantiable(spec, type, "a Route class");
        } else if (!Modifier.isStatic(findMethod(spec, type).getModifiers())) {
            checkInstantiable(spec, type, "the instance method " + spec.methodName());
        }
    }

    /**
     * Binds {@code spec} to {@code type}, which must be its class.
     *
     * @throws ConfigException naming the entry when the method or class does not fit the route's shape
     */
    public static BoundRoute bind(RouteSpec spec, Class<?> type) throws ConfigException {
        return spec.methodName() == null ? bindRouteClass(spec, type) : bindMethod(spec, type);
    }

    private static BoundRoute bindRouteClass(RouteSpec spec, Class<?> type) throws ConfigException {
        checkRouteClass(spec, type);
        return new BoundRoute(spec, type, RouteClassInvoker.INSTANCE, factory(spec, type, "a Route class"));
    }

    private static void checkRouteClass(RouteSpec spec, Class<?> type) throws ConfigException {
        Class<?> route = spec.shape().routeInterface();
        if (!route.isAssignableFrom(type)) {
            boolean foreign = Arrays.stream(type.getInterfaces()).anyMatch(i -> i.getName().equals(route.getName()));
            throw unfit(spec, foreign
                    ? type.getName() + " implements " + route.getName() + " from another class loader than the agent's "
                    + "(do not package ptimer-api inside the application: the agent jar provides it)"
                    : type.getName() + " does not implement " + route.getName() + " (or name a method: "
                    + type.getName() + "::method)");
        }
    }

    private static BoundRoute bindMethod(RouteSpec spec, Class<?> type) throws ConfigException {
        RouteShape shape = spec.shape();
        Method method = findMethod(spec, type);
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        MethodHandle factory = isStatic ? null : factory(spec, type, "the instance method " + spec.methodName());
        return new BoundRoute(spec, type, adapter(spec, type, method, shape), factory);
    }

    /** The error naming the entry of {@code spec} and why its route cannot be bound. */
    private static ConfigException unfit(RouteSpec spec, String reason) {
        return new ConfigException(spec.entry() + ": " + reason);
    }

    private static Method findMethod(RouteSpec spec, Class<?> type) throws ConfigException {
        String name = spec.methodName();
        Class<?> context = spec.shape().context();
        List<Method> named = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && !m.isBridge()) {
                named.add(m);
            }
        }
        if (named.isEmpty()) {
            boolean hidden = Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals(name));
            throw unfit(spec, type.getName() + " has no public method " + name
                    + (hidden ? " (" + name + " exists but is not public)" : ""));
        }
        Method best = null;
        for (Method m : named) {
            Class<?>[] params = m.getParameterTypes();
            boolean takesContext = params.length == 1 && params[0].getName().equals(context.getName());
            if (takesContext && params[0] != context) {
                throw unfit(spec, type.getName() + "::" + name + " takes " + context.getName()
                        + " from another class loader than the agent's (do not package ptimer-api inside the "
                        + "application: the agent jar provides it)");
            }
            if (params.length == 0 && best == null || takesContext) {
                best = m;
            }
        }
        if (best == null) {
            String found = named.stream().map(RouteBinder::signature).collect(Collectors.joining(", "));
            throw unfit(spec, type.getName() + "::" + name
                    + " must take () or (" + context.getName() + "), found " + found);
        }
        Class<?> ret = best.getReturnType();
        if (!spec.shape().anyReturn() && ret != void.class && ret != int.class && ret != boolean.class) {
            throw unfit(spec, type.getName() + "::" + name + " must return void, int or boolean, not "
                    + ret.getTypeName());
        }
        return best;
    }

    private static String signature(Method m) {
        return m.getReturnType().getTypeName() + " " + m.getName() + "("
                + Arrays.stream(m.getParameterTypes()).map(Class::getTypeName).collect(Collectors.joining(", ")) + ")";
    }

    private static void checkInstantiable(RouteSpec spec, Class<?> type, String why) throws ConfigException {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw unfit(spec, type.getName() + " is abstract, so no instance can be made for " + why);
        }
        if (!spec.factoryMade() && publicConstructor(type) == null) {
            throw unfit(spec, type.getName() + " has no public no-argument constructor, needed for "
                    + why + " (or have a route factory of the application make it: timer attribute factory=required)");
        }
    }

    private static Constructor<?> publicConstructor(Class<?> type) {
        try {
            return type.getConstructor();
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * What makes an instance of {@code type} per lane and cycle: the application's route factory
     * where one is installed, else the public no-argument constructor.
     */
    private static MethodHandle factory(RouteSpec spec, Class<?> type, String why) throws ConfigException {
        checkInstantiable(spec, type, why);
        Maker maker = MAKERS.get(type);
        if (maker.unusable != null) {
            throw unfit(spec, maker.unusable);
        }
        return maker.handle;
    }

    /** One maker per route class, shared by every timer whose routes it holds: thousands of timers, one handle. */
    private static final ClassValue<Maker> MAKERS = new ClassValue<Maker>() {
        @Override
        protected Maker computeValue(Class<?> type) {
            try {
                MethodHandle constructor = publicConstructor(type) == null ? null
                        : lookupIn(type).findConstructor(type, MethodType.methodType(void.class))
                        .asType(MethodType.methodType(Object.class));
                return new Maker(type, constructor, null);
            } catch (NoSuchMethodException | IllegalAccessException e) {
                return new Maker(type, null, type.getName() + " cannot be instantiated by the agent: " + e.getMessage());
            }
        }
    };

    /** Makes the instances of one route class. */
    private static final class Maker {
        /** {@link #make} as a handle, made on first use: no method handle is looked up before the host's main. */
        static final MethodHandle MAKE;

        static {
            try {
                MAKE = MethodHandles.lookup().findVirtual(Maker.class, "make", MethodType.methodType(Object.class));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Class<?> type;
        private final MethodHandle constructor;
        /** {@link #make} bound to this maker. */
        final MethodHandle handle;
        /** Why the agent cannot make instances of the class, or {@code null}. */
        final String unusable;

        Maker(Class<?> type, MethodHandle constructor, String unusable) {
            this.type = type;
            this.constructor = constructor;
            this.unusable = unusable;
            this.handle = MAKE.bindTo(this);
        }

        Object make() throws Throwable {
            Object factory = InstalledFactory.of(type);
            if (factory != null) {
                return InstalledFactory.create(factory, type);
            }
            if (constructor == null) {
                throw new IllegalStateException("no route factory is installed (io.ptimer.api.RouteFactories.install)"
                        + " and " + type.getName() + " has no public no-argument constructor");
            }
            return constructor.invoke();
        }
    }

    /** Drops the generated calling code defined in {@code loader}, so that nothing here keeps it alive. */
    static void forget(ClassLoader loader) {
        ADAPTERS.values().removeIf(a -> a.getClass().getClassLoader() == loader);
    }

    private static MethodHandles.Lookup lookupIn(Class<?> type) throws IllegalAccessException {
        return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    }

    /** The calling code of {@code method} for {@code shape}, generated once and kept. */
    private static ToIntBiFunction<Object, Object> adapter(RouteSpec spec, Class<?> type, Method method,
                                                           RouteShape shape) throws ConfigException {
        AdapterKey key = new AdapterKey(method, shape);
        ToIntBiFunction<Object, Object> adapter = ADAPTERS.get(key);
        if (adapter == null) {
            synchronized (ADAPTER_LOCK) {
                adapter = ADAPTERS.get(key);
                if (adapter == null) {
                    adapter = generate(spec, type, method, shape);
                    ADAPTERS.put(key, adapter);
                }
            }
        }
        return adapter;
    }

    /**
     * Generates {@code ToIntBiFunction<Object, Object>} whose {@code applyAsInt(target, ctx)} calls
     * the method and maps its result: void to 1, int as is, boolean to 1 or -1, anything else
     * (where the shape ignores results) to 1. The class is
     * written with ASM directly rather than a code-generation library's DSL: Byte Buddy's would
     * load and run some 600 classes in premain, a quarter of a second before the host's main.
     */
    @SuppressWarnings("unchecked")
    private static ToIntBiFunction<Object, Object> generate(RouteSpec spec, Class<?> type, Method method,
                                                            RouteShape shape) throws ConfigException {
        String name = type.getName() + "$$ptimer$" + method.getName() + "$" + SEQUENCE.incrementAndGet();
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_SUPER,
                name.replace('.', '/'), null, "java/lang/Object",
                new String[] {Type.getInternalName(ToIntBiFunction.class)});
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC, "applyAsInt",
                "(Ljava/lang/Object;Ljava/lang/Object;)I", null, null);
        run.visitCode();
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        if (!isStatic) {
            run.visitVarInsn(Opcodes.ALOAD, 1);
            run.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(type));
        }
        if (method.getParameterCount() == 1) {
            run.visitVarInsn(Opcodes.ALOAD, 2);
            run.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(shape.context()));
        }
        Class<?> owner = isStatic ? method.getDeclaringClass() : type;
        run.visitMethodInsn(isStatic ? Opcodes.INVOKESTATIC : owner.isInterface() ? Opcodes.INVOKEINTERFACE
                : Opcodes.INVOKEVIRTUAL, Type.getInternalName(owner), method.getName(),
                Type.getMethodDescriptor(method), owner.isInterface());
        Class<?> ret = method.getReturnType();
        if (ret == boolean.class) {
            run.visitInsn(Opcodes.ICONST_2);
            run.visitInsn(Opcodes.IMUL);
            run.visitInsn(Opcodes.ICONST_1);
            run.visitInsn(Opcodes.ISUB);
        } else if (ret != int.class) {
            if (ret != void.class) {
                run.visitInsn(ret == long.class || ret == double.class ? Opcodes.POP2 : Opcodes.POP);
            }
            run.visitInsn(Opcodes.ICONST_1);
        }
        run.visitInsn(Opcodes.IRETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        cw.visitEnd();
        try {
            Class<?> adapter = lookupIn(type).defineClass(cw.toByteArray());
            return (ToIntBiFunction<Object, Object>) adapter.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw unfit(spec, "cannot bind " + type.getName() + "::" + method.getName()
                    + " in its class loader: " + e);
        }
    }

    /** Calls {@link Route#run} on the lane's instance. */
    private enum RouteClassInvoker implements ToIntBiFunction<Object, Object> {
        INSTANCE;

        @Override
        public int applyAsInt(Object route, Object ctx) {
            try {
                return ((Route) route).run((TimerContext) ctx);
            } catch (Exception e) {
                throw Sneaky.<RuntimeException>rethrow(e);
            }
        }
    }

    private static final class Sneaky {
        @SuppressWarnings("unchecked")
        static <T extends Throwable> T rethrow(Throwable t) throws T {
            throw (T) t;
        }
    }
}
