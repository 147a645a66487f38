package dev.smtpunit.testsupport;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture every module keeps, checked by each module's {@code ArchitectureTest} on its own
 * main classes (so that together they cover every edge):
 * <ol>
 *   <li>{@link #apiSignatures()}: a public type of an API package shows no James type and no type of
 *       an {@code internal} package in its public signature (members, supertypes, thrown types,
 *       type arguments);</li>
 *   <li>{@link #internalsOnlyFromFriends()}: an {@code internal} package is used only from the
 *       packages {@link #FRIENDS} declares for it;</li>
 *   <li>{@link #noCycleBetweenInternalPackages()}: the {@code internal} packages depend on each other
 *       without a cycle;</li>
 *   <li>{@link #noTypeCycleAcrossPackages()}: no cycle of types spans packages. An API package starts
 *       the engine and the engine works on the API's value types, so their packages point both ways
 *       (layering, not a cycle); what must not happen is a type that depends, directly or through
 *       others, on a type of another package that depends back on it.</li>
 * </ol>
 */
public final class Architecture {
    /**
     * Who may use each {@code internal} package (and the packages under it). Spring and Quarkus build
     * on the JUnit extension's internals; the JUnit and AssertJ modules share core's evidence limits
     * ({@code Bounded}).
     */
    public static final Map<String, List<String>> FRIENDS = friends();

    private Architecture() {}

    private static Map<String, List<String>> friends() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put(
                "dev.smtpunit.internal",
                List.of(
                        "dev.smtpunit",
                        "dev.smtpunit.lint",
                        "dev.smtpunit.dkim",
                        "dev.smtpunit.fault",
                        "dev.smtpunit.junit5",
                        "dev.smtpunit.assertj"));
        f.put(
                "dev.smtpunit.junit5.internal",
                List.of("dev.smtpunit.junit5", "dev.smtpunit.spring", "dev.smtpunit.quarkus"));
        f.put("dev.smtpunit.assertj.internal", List.of("dev.smtpunit.assertj"));
        f.put("dev.smtpunit.spring.internal", List.of("dev.smtpunit.spring"));
        f.put("dev.smtpunit.quarkus.internal", List.of("dev.smtpunit.quarkus"));
        return Map.copyOf(f);
    }

    /** {@return the main classes of the module whose tests run (its {@code target/classes})} */
    public static JavaClasses mainClasses() {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("no main classes at " + classes);
        }
        return new ClassFileImporter().importPath(classes);
    }

    /**
     * Checks every rule.
     *
     * @param classes a module's main classes
     * @throws AssertionError listing each violation
     */
    public static void check(JavaClasses classes) {
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : List.of(
                apiSignatures(),
                internalsOnlyFromFriends(),
                noCycleBetweenInternalPackages(),
                noTypeCycleAcrossPackages())) {
            try {
                // a module without internal packages (or API types) has nothing for some rules to check
                rule.allowEmptyShould(true).check(classes);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }

    /** {@return whether the package is an {@code internal} package or below one} */
    static boolean isInternal(String packageName) {
        return packageName.endsWith(".internal") || packageName.contains(".internal.");
    }

    private static boolean isForbiddenInApi(JavaClass type) {
        String p = type.getPackageName();
        return p.startsWith("dev.smtpunit.") && isInternal(p) || p.startsWith("org.apache.james");
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static boolean visibleToUsers(JavaClass c) {
        if (!c.getModifiers().contains(JavaModifier.PUBLIC) || c.isAnonymousClass() || c.isLocalClass()) {
            return false;
        }
        Optional<JavaClass> enclosing = c.getEnclosingClass();
        return enclosing.isEmpty() || visibleToUsers(enclosing.get());
    }

    /** {@return rule 1: no James or internal type in a public signature of an API package} */
    public static ArchRule apiSignatures() {
        return classes()
                .that(new com.tngtech.archunit.base.DescribedPredicate<JavaClass>("are public API") {
                    @Override
                    public boolean test(JavaClass c) {
                        return c.getPackageName().startsWith("dev.smtpunit")
                                && !isInternal(c.getPackageName())
                                && visibleToUsers(c);
                    }
                })
                .should(new ArchCondition<JavaClass>("show no James or internal type in their public signature") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        Set<String> found = new TreeSet<>();
                        c.getSuperclass().ifPresent(t -> involved(t, "extends", found));
                        c.getInterfaces().forEach(t -> involved(t, "implements", found));
                        for (JavaMember m : members(c)) {
                            if (!visible(m.getModifiers())) {
                                continue;
                            }
                            if (m instanceof JavaField f) {
                                involved(f.getType(), f.getName(), found);
                            } else if (m instanceof JavaCodeUnit u) {
                                String name = u.getName() + "(...)";
                                involved(u.getReturnType(), name, found);
                                u.getParameterTypes().forEach(t -> involved(t, name, found));
                                u.getThrowsClause().getTypes().forEach(t -> involved(t, name, found));
                            }
                        }
                        for (String f : found) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + ": " + f));
                        }
                    }
                });
    }

    private static List<JavaMember> members(JavaClass c) {
        List<JavaMember> all = new ArrayList<>(c.getFields());
        all.addAll(c.getMethods());
        all.addAll(c.getConstructors());
        return all;
    }

    private static void involved(JavaType type, String where, Set<String> found) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            if (isForbiddenInApi(raw)) {
                found.add(where + " shows " + raw.getName());
            }
        }
    }

    /** {@return rule 2: each internal package used only from the packages {@link #FRIENDS} declares} */
    public static ArchRule internalsOnlyFromFriends() {
        return classes().should(new ArchCondition<JavaClass>("use an internal package only where FRIENDS allows it") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Set<String> found = new TreeSet<>();
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    String owner = owner(target);
                    if (owner != null && !allowed(c.getPackageName(), owner)) {
                        found.add(c.getName() + " uses " + d.getTargetClass().getName() + ", but " + owner
                                + " is internal to " + FRIENDS.get(owner));
                    }
                }
                found.forEach(f -> events.add(SimpleConditionEvent.violated(c, f)));
            }
        });
    }

    /** {@return the internal package of {@link #FRIENDS} that holds the package, or null} */
    private static String owner(String packageName) {
        String best = null;
        for (String internal : FRIENDS.keySet()) {
            if ((packageName.equals(internal) || packageName.startsWith(internal + "."))
                    && (best == null || internal.length() > best.length())) {
                best = internal;
            }
        }
        return best;
    }

    private static boolean allowed(String from, String internal) {
        if (from.equals(internal) || from.startsWith(internal + ".")) {
            return true;
        }
        for (String friend : FRIENDS.get(internal)) {
            // a friend's own internal packages count as the friend
            if (from.equals(friend) || from.startsWith(friend + ".")) {
                return true;
            }
        }
        return false;
    }

    /** {@return rule 3a: the internal packages depend on each other without a cycle} */
    public static ArchRule noCycleBetweenInternalPackages() {
        return slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass c) {
                        String p = c.getPackageName();
                        return p.startsWith("dev.smtpunit.") && isInternal(p)
                                ? SliceIdentifier.of(p)
                                : SliceIdentifier.ignore();
                    }

                    @Override
                    public String getDescription() {
                        return "the internal packages";
                    }
                })
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true);
    }

    /**
     * {@return rule 3b: no cycle of types that spans packages: an API type may start the engine and the
     * engine may use the API's value types, but no type of one package depends on a type of another
     * that depends back on it, directly or through others}
     */
    public static ArchRule noTypeCycleAcrossPackages() {
        return classes().should(new ArchCondition<JavaClass>("take part in no cycle of types that spans packages") {
            private final Map<String, List<String>> cycles = new LinkedHashMap<>();

            @Override
            public void init(java.util.Collection<JavaClass> all) {
                Map<String, Set<String>> graph = new LinkedHashMap<>();
                for (JavaClass c : all) {
                    String from = top(c).getName();
                    Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                    if (c.isAnnotation()) {
                        // an annotation names its extension (@ExtendWith) as a declaration, not as code that runs
                        continue;
                    }
                    for (Dependency d : c.getDirectDependenciesFromSelf()) {
                        String target = top(d.getTargetClass()).getName();
                        if (target.startsWith("dev.smtpunit") && !target.equals(from)) {
                            to.add(target);
                        }
                    }
                }
                for (List<String> component : new Tarjan(graph).components()) {
                    if (component.stream()
                                    .map(Architecture::packageOf)
                                    .distinct()
                                    .count()
                            > 1) {
                        cycles.put(component.get(0), component);
                    }
                }
            }

            @Override
            public void check(JavaClass c, ConditionEvents events) {
                List<String> cycle = cycles.get(c.getName());
                if (cycle != null) {
                    events.add(SimpleConditionEvent.violated(
                            c, "types of different packages depend on each other: " + String.join(" <-> ", cycle)));
                }
            }
        });
    }

    private static JavaClass top(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        return t;
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** Tarjan's strongly connected components, each sorted by name, of the components with two or more types. */
    private static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final Map<String, Integer> low = new LinkedHashMap<>();
        private final java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>();
        private final Set<String> onStack = new java.util.HashSet<>();
        private final List<List<String>> components = new ArrayList<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<List<String>> components() {
            for (String v : graph.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return components;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : graph.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    if (!graph.containsKey(w)) {
                        continue;
                    }
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    component.sort(null);
                    components.add(component);
                }
            }
        }
    }
}
