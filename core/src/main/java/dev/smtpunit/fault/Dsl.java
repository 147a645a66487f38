package dev.smtpunit.fault;

import dev.smtpunit.SmtpReply;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How rules, matchers and effects read in listings: as the DSL calls that made them. */
final class Dsl {
    private Dsl() {}

    /** A matcher that knows the call that made it. */
    record Described(String text, FaultMatcher matcher) implements FaultMatcher {
        @Override
        public boolean matches(FaultContext context) {
            return matcher.matches(context);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static FaultMatcher described(String text, FaultMatcher matcher) {
        return new Described(text, matcher);
    }

    /**
     * @param m a matcher
     * @return the call that made it, or what a matcher of the user's own says of itself
     */
    static String text(FaultMatcher m) {
        return m instanceof Described d ? d.text() : own(m, "a FaultMatcher of your own");
    }

    /**
     * @param o an object of the user's
     * @param fallback what to say when it has no {@code toString()} of its own, such as a lambda
     * @return its own {@code toString()}, or the fallback
     */
    static String own(Object o, String fallback) {
        try {
            return o.getClass().getMethod("toString").getDeclaringClass() == Object.class ? fallback : o.toString();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    static String duration(Duration d) {
        if (d.toNanos() % 1_000_000 != 0) {
            return "Duration.ofNanos(" + d.toNanos() + ")";
        }
        long millis = d.toMillis();
        return millis % 1000 == 0 ? "Duration.ofSeconds(" + millis / 1000 + ")" : "Duration.ofMillis(" + millis + ")";
    }

    /** {@return the reply as the arguments of {@code reply(...)}: code, then each line quoted} */
    static String reply(SmtpReply reply) {
        return reply.code() + ", " + reply.lines().stream().map(Dsl::quote).collect(Collectors.joining(", "));
    }

    static <T> String join(List<T> items, Function<T, String> text) {
        return items.stream().map(text).collect(Collectors.joining(", "));
    }
}
