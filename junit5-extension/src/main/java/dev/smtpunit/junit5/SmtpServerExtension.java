package dev.smtpunit.junit5;

import dev.smtpunit.MockProviderApis;
import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.junit5.internal.AnnotationOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The extension behind {@link SmtpServer}: creates, injects, resets and closes servers, applies
 * {@link SmtpFault}s and attaches SMTP evidence to failures. Keeps no state of its own: servers live
 * in the {@link ExtensionContext.Store} of the test or class they belong to, which makes it safe
 * under parallel execution. Registered by the annotation; there is nothing to configure on it.
 *
 * <p>In a class annotated {@code @SmtpServer}, a {@code MockSmtpServer} field without the annotation
 * that is still {@code null} is injected too (static: one server per class; instance: one per
 * test), configured by the class's annotation: that is what a field of that type in such a class
 * is for, and what users of other test mail servers write. A field that holds a running server the
 * test started itself, or a final one, is left alone.
 *
 * <p>A parameter of type {@link MockProviderApis} gets the provider HTTP APIs (SendGrid, Mailgun,
 * Postmark, SES) of the same server (the class's, or the one its own {@code @SmtpServer} names),
 * started for that test (or for the class, in a {@code @BeforeAll} method) and stopped after it;
 * when an application context owns APIs beside its server (Spring's), the parameter gets those.
 *
 * <p>A test-method parameter of type {@code SmtpSoftAssertions} (from {@code smtpunit-assertj}) gets
 * a new instance for each test, asserted after the test with the SMTP evidence attached: soft
 * assertions that are safe under parallel execution.
 */
public final class SmtpServerExtension
        implements BeforeAllCallback,
                BeforeEachCallback,
                AfterTestExecutionCallback,
                AfterEachCallback,
                AfterAllCallback,
                ParameterResolver,
                TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SmtpServerExtension.class);
    private static final String SOFT_ASSERTIONS = "dev.smtpunit.assertj.SmtpSoftAssertions";

    @SmtpServer
    private static final class Defaults {}

    private static final SmtpServer DEFAULTS = Defaults.class.getAnnotation(SmtpServer.class);

    /** Created by JUnit. */
    public SmtpServerExtension() {}

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        for (Field field : annotatedFields(testClass, true)) {
            SmtpServer config = field.getAnnotation(SmtpServer.class);
            ServerRegistry.Entry entry = resolve(context, config.name(), config, "static field " + where(field), true);
            set(field, null, entry.server());
        }
        for (Field field : implicitFields(testClass, true, null)) {
            ServerRegistry.Entry entry =
                    resolve(context, classConfig(context).name(), null, "static field " + where(field), true);
            set(field, null, entry.server());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ServerRegistry.Entry fromContext = ContextServers.find(context);
        if (fromContext != null) {
            classRegistry(context).putBorrowed(fromContext);
        }
        // per-class and context servers are shared: tests that run concurrently take turns on each server
        List<MockSmtpServer> shared = new ArrayList<>();
        List<MockProviderApis> contextApis = new ArrayList<>();
        List<ServerRegistry> registries = classRegistries(context);
        for (int i = registries.size() - 1; i >= 0; i--) {
            for (ServerRegistry.Entry e : registries.get(i).all()) {
                shared.add(e.server());
                if (e.contextApis() != null) {
                    contextApis.add(e.contextApis());
                }
            }
        }
        List<ServerTurns.Turn> taken = ServerTurns.take(shared, context.getDisplayName());
        context.getStore(NAMESPACE).put("turns:" + context.getUniqueId(), taken);
        for (MockSmtpServer server : shared) {
            server.reset();
        }
        for (MockProviderApis apis : contextApis) {
            apis.reset();
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : annotatedFields(instance.getClass(), false)) {
                SmtpServer config = field.getAnnotation(SmtpServer.class);
                ServerRegistry.Entry entry = resolve(context, config.name(), config, "field " + where(field), false);
                set(field, instance, entry.server());
            }
            for (Field field : implicitFields(instance.getClass(), false, instance)) {
                ServerRegistry.Entry entry =
                        resolve(context, classConfig(context).name(), null, "field " + where(field), false);
                set(field, instance, entry.server());
            }
        }
        List<SmtpFault> faults = new ArrayList<>();
        List<Class<?>> classes = enclosingClasses(context.getRequiredTestClass());
        for (int i = classes.size() - 1; i >= 0; i--) {
            faults.addAll(AnnotationSupport.findRepeatableAnnotations(classes.get(i), SmtpFault.class));
        }
        faults.addAll(AnnotationSupport.findRepeatableAnnotations(context.getRequiredTestMethod(), SmtpFault.class));
        String where = context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName();
        for (SmtpFault fault : faults) {
            ServerRegistry.Entry entry = resolve(context, fault.server(), null, "@SmtpFault on " + where, false);
            FaultScripts.apply(fault, entry.server(), where);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws Exception {
        Object softly = context.getStore(NAMESPACE).remove(softKey(context));
        if (softly == null) {
            return;
        }
        try {
            softly.getClass().getMethod("assertAll").invoke(softly);
        } catch (InvocationTargetException e) {
            Throwable failure = e.getCause();
            List<ServerRegistry.Entry> servers = visible(context);
            if (context.getExecutionException().isEmpty() && !servers.isEmpty()) {
                String report = Diagnostics.report(servers, failure.getMessage());
                context.publishReportEntry("smtpunit.evidence", report);
                failure.addSuppressed(new Diagnostics.SmtpEvidence(report));
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        }
    }

    private static String softKey(ExtensionContext context) {
        return "soft:" + context.getUniqueId();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (context.getExecutionException().isEmpty()) {
                checkUnusedFaults(context);
                LintCheck.afterTest(visible(context));
            }
        } finally {
            ServerRegistry own = ownRegistry(context);
            if (own != null) {
                own.close();
            }
            endTurns(context);
        }
    }

    @SuppressWarnings("unchecked")
    private static void endTurns(ExtensionContext context) {
        List<ServerTurns.Turn> taken = context.getStore(NAMESPACE).remove("turns:" + context.getUniqueId(), List.class);
        if (taken != null) {
            ServerTurns.release(taken);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ServerRegistry own = ownRegistry(context);
        if (own != null) {
            own.close();
        }
    }

    private void checkUnusedFaults(ExtensionContext context) {
        StringBuilder unused = new StringBuilder();
        for (ServerRegistry.Entry e : visible(context)) {
            if (e.config().failOnUnusedFaults() && !e.server().faults().unused().isEmpty()) {
                unused.append(e.name().isEmpty() ? "the SMTP server" : "SMTP server '" + e.name() + "'")
                        .append(":\n");
                e.server()
                        .faults()
                        .unused()
                        .forEach(r -> unused.append("  ").append(r).append('\n'));
            }
        }
        if (unused.length() > 0) {
            AssertionError error =
                    new AssertionError("Fault rules never fired (@SmtpServer(failOnUnusedFaults = true)) on " + unused
                            + "The client never reached the scripted phase; see the transcript below.");
            error.addSuppressed(new Diagnostics.SmtpEvidence(Diagnostics.report(visible(context))));
            throw error;
        }
    }

    // ------------------------------------------------------------------ parameters

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == MockSmtpServer.class
                || type == MockProviderApis.class
                || type.getName().equals(SOFT_ASSERTIONS);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type.getName().equals(SOFT_ASSERTIONS)) {
            if (context.getTestMethod().isEmpty() || parameterContext.getDeclaringExecutable() instanceof Constructor) {
                throw new ParameterResolutionException(
                        "SmtpSoftAssertions is made per test: take it as a parameter of a test"
                                + " method (or @BeforeEach/@AfterEach), not of "
                                + parameterContext.getDeclaringExecutable().getName() + "()");
            }
            return context.getStore(NAMESPACE)
                    .getOrComputeIfAbsent(softKey(context), k -> newInstance(type), Object.class);
        }
        if (parameterContext.getDeclaringExecutable() instanceof Constructor) {
            throw new ParameterResolutionException(type.getSimpleName() + " cannot be injected into the constructor of "
                    + parameterContext
                            .getDeclaringExecutable()
                            .getDeclaringClass()
                            .getSimpleName()
                    + ": take it as a test or lifecycle method parameter, or annotate a field with @SmtpServer");
        }
        Optional<SmtpServer> own = parameterContext.findAnnotation(SmtpServer.class);
        String name =
                own.map(SmtpServer::name).orElseGet(() -> classConfig(context).name());
        boolean perClass = parameterContext.getDeclaringExecutable().isAnnotationPresent(BeforeAll.class)
                || context.getTestMethod().isEmpty();
        java.lang.reflect.Parameter p = parameterContext.getParameter();
        String origin =
                "parameter " + (p.isNamePresent() ? "'" + p.getName() + "'" : "#" + (parameterContext.getIndex() + 1))
                        + " of " + parameterContext.getDeclaringExecutable().getName() + "()";
        ServerRegistry.Entry entry;
        try {
            entry = resolve(context, name, own.orElse(null), origin, perClass);
        } catch (ExtensionConfigurationException e) {
            // thrown as it is, JUnit would wrap it in "Failed to resolve parameter ...", the same message twice
            // (JUnit 6 refuses a null cause in the two-argument constructor)
            throw e.getCause() == null
                    ? new ParameterResolutionException(e.getMessage())
                    : new ParameterResolutionException(e.getMessage(), e.getCause());
        }
        MockSmtpServer server = entry.server();
        if (type == MockProviderApis.class && entry.contextApis() != null) {
            // the application context's own, which its clients already point at; it stops them
            return startedContextApis(entry.contextApis());
        }
        if (type == MockProviderApis.class) {
            // kept in the resolving context's store, which closes (stops) it when that context ends
            return context.getStore(NAMESPACE)
                    .getOrComputeIfAbsent(
                            "apis:" + context.getUniqueId() + ":" + name,
                            k -> new MockProviderApis(server).start(),
                            MockProviderApis.class);
        }
        return server;
    }

    /** The framework may have started them already (for its beans), or not yet. */
    private static MockProviderApis startedContextApis(MockProviderApis apis) {
        synchronized (apis) {
            if (!apis.isRunning()) {
                apis.start();
            }
        }
        return apis;
    }

    // ------------------------------------------------------------------ failures

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        List<ServerRegistry.Entry> servers = visible(context);
        if (!servers.isEmpty()) {
            String report = Diagnostics.report(servers, throwable.getMessage());
            context.publishReportEntry("smtpunit.evidence", report);
            throwable.addSuppressed(new Diagnostics.SmtpEvidence(report));
        }
        throw throwable;
    }

    // ------------------------------------------------------------------ resolution

    private ServerRegistry.Entry resolve(
            ExtensionContext context, String name, SmtpServer elementConfig, String origin, boolean perClass) {
        ServerRegistry.Entry fromContext = ContextServers.find(context);
        if (fromContext != null && fromContext.name().equals(name)) {
            ContextServers.checkSameSettings(fromContext, elementConfig, origin);
            classRegistry(context).putBorrowed(fromContext);
            return fromContext;
        }
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            ServerRegistry registry = ownRegistry(c);
            ServerRegistry.Entry existing = registry == null ? null : registry.get(name);
            if (existing != null) {
                if (elementConfig != null && !elementConfig.equals(existing.config())) {
                    throw new ExtensionConfigurationException("@SmtpServer on " + origin + " asks for server '" + name
                            + "' with other settings than " + existing.origin() + "; give one of them another name()");
                }
                return existing;
            }
        }
        SmtpServer config = elementConfig != null ? elementConfig : classConfig(context);
        ServerRegistry registry = context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(key(context), k -> new ServerRegistry(), ServerRegistry.class);
        MockSmtpServer server = new MockSmtpServer(AnnotationOptions.of(config, origin)).start();
        ServerRegistry.Entry entry = new ServerRegistry.Entry(name, server, config, origin, perClass);
        registry.put(entry);
        return entry;
    }

    /** Store lookups see parent contexts too, so each context keys its registry by its own id. */
    private static String key(ExtensionContext context) {
        return "servers:" + context.getUniqueId();
    }

    /** The registry of the test's class (the context itself in class-level callbacks). */
    private static ServerRegistry classRegistry(ExtensionContext context) {
        ExtensionContext c =
                context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        return c.getStore(NAMESPACE).getOrComputeIfAbsent(key(c), k -> new ServerRegistry(), ServerRegistry.class);
    }

    private static ServerRegistry ownRegistry(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(key(context), ServerRegistry.class);
    }

    private static SmtpServer classConfig(ExtensionContext context) {
        Optional<Class<?>> testClass = context.getTestClass();
        if (testClass.isPresent()) {
            for (Class<?> c : enclosingClasses(testClass.get())) {
                Optional<SmtpServer> found = AnnotationSupport.findAnnotation(c, SmtpServer.class);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return DEFAULTS;
    }

    /** The class and its enclosing classes, innermost first. */
    private static List<Class<?>> enclosingClasses(Class<?> inner) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c = inner; c != null; c = c.getEnclosingClass()) {
            out.add(c);
        }
        return out;
    }

    private static List<ServerRegistry> classRegistries(ExtensionContext methodContext) {
        List<ServerRegistry> out = new ArrayList<>();
        for (ExtensionContext c = methodContext.getParent().orElse(null);
                c != null;
                c = c.getParent().orElse(null)) {
            ServerRegistry r = ownRegistry(c);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<ServerRegistry.Entry> visible(ExtensionContext context) {
        List<ServerRegistry.Entry> out = new ArrayList<>();
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            ServerRegistry r = ownRegistry(c);
            if (r != null) {
                out.addAll(r.all());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ fields

    private static List<Field> annotatedFields(Class<?> type, boolean statics) {
        List<Field> fields = AnnotationSupport.findAnnotatedFields(
                type,
                SmtpServer.class,
                f -> Modifier.isStatic(f.getModifiers()) == statics,
                HierarchyTraversalMode.TOP_DOWN);
        for (Field f : fields) {
            if (f.getType() != MockSmtpServer.class) {
                throw new ExtensionConfigurationException("@SmtpServer field '" + f.getName() + "' in "
                        + f.getDeclaringClass().getSimpleName() + " must be of type MockSmtpServer, but is "
                        + f.getType().getSimpleName());
            }
            if (Modifier.isFinal(f.getModifiers())) {
                throw new ExtensionConfigurationException("@SmtpServer field '" + f.getName() + "' in "
                        + f.getDeclaringClass().getSimpleName() + " must not be final: the extension assigns it");
            }
        }
        return fields;
    }

    private static Object newInstance(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ParameterResolutionException("cannot create " + type.getName() + ": " + e, e);
        }
    }

    /**
     * {@code MockSmtpServer} fields without {@code @SmtpServer}, null or holding a stopped server (one
     * this extension closed after an earlier run), in a class that carries the annotation (itself, an
     * enclosing class, or by a meta-annotation).
     */
    private static List<Field> implicitFields(Class<?> type, boolean statics, Object instance) {
        boolean annotatedClass =
                enclosingClasses(type).stream().anyMatch(c -> AnnotationSupport.isAnnotated(c, SmtpServer.class));
        if (!annotatedClass) {
            return List.of();
        }
        List<Field> out = new ArrayList<>();
        for (Field f : ReflectionSupport.findFields(
                type,
                f -> f.getType() == MockSmtpServer.class
                        && Modifier.isStatic(f.getModifiers()) == statics
                        && !Modifier.isFinal(f.getModifiers())
                        && !AnnotationSupport.isAnnotated(f, SmtpServer.class),
                HierarchyTraversalMode.TOP_DOWN)) {
            try {
                f.setAccessible(true);
                Object value = f.get(instance);
                if (value == null || !((MockSmtpServer) value).isRunning()) {
                    out.add(f);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExtensionConfigurationException("cannot read field " + where(f) + ": " + e, e);
            }
        }
        return out;
    }

    private static String where(Field f) {
        return "'" + f.getName() + "' in " + f.getDeclaringClass().getSimpleName();
    }

    private static void set(Field field, Object target, MockSmtpServer server) {
        try {
            field.setAccessible(true);
            field.set(target, server);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException("cannot assign @SmtpServer field " + where(field) + ": " + e, e);
        }
    }
}
