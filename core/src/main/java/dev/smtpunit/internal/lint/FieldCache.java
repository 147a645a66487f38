package dev.smtpunit.internal.lint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers parsed field values: a suite sends the same templates again and again, and mime4j's
 * JavaCC parsers cost around a hundred microseconds per value. Bounded; emptied when full.
 */
final class FieldCache<T> {
    private static final int MAX = 1024;

    private final Map<String, T> values = new ConcurrentHashMap<>();
    private final Function<String, T> parser;

    FieldCache(Function<String, T> parser) {
        this.parser = parser;
    }

    T get(String value) {
        T cached = values.get(value);
        if (cached != null) {
            return cached;
        }
        T parsed = parser.apply(value);
        if (values.size() >= MAX) {
            values.clear();
        }
        values.put(value, parsed);
        return parsed;
    }
}
