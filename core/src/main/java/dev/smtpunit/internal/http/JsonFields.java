package dev.smtpunit.internal.http;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Typed reads of parsed JSON, naming JSON's own type words when a value has the wrong type. */
final class JsonFields {
    private JsonFields() {}

    /** A value of the wrong type. */
    static final class WrongType extends Exception {
        private static final long serialVersionUID = 1L;

        final String expected;
        final String given;

        WrongType(String expected, Object given) {
            super("Invalid type. Expected: " + expected + ", given: " + typeName(given) + ".");
            this.expected = expected;
            this.given = typeName(given);
        }
    }

    static String typeName(Object v) {
        if (v == null || v == Json.NULL) {
            return "null";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof BigDecimal b) {
            return b.scale() <= 0 || b.stripTrailingZeros().scale() <= 0 ? "integer" : "number";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Map) {
            return "object";
        }
        return "array";
    }

    static boolean present(Map<String, Object> o, String name) {
        Object v = o.get(name);
        return v != null && v != Json.NULL;
    }

    static String string(Map<String, Object> o, String name) throws WrongType {
        Object v = o.get(name);
        if (v == null || v == Json.NULL) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new WrongType("string", v);
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> o, String name) throws WrongType {
        Object v = o.get(name);
        if (v == null || v == Json.NULL) {
            return null;
        }
        if (!(v instanceof Map)) {
            throw new WrongType("object", v);
        }
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Map<String, Object> o, String name) throws WrongType {
        Object v = o.get(name);
        if (v == null || v == Json.NULL) {
            return null;
        }
        if (!(v instanceof List)) {
            throw new WrongType("array", v);
        }
        return (List<Object>) v;
    }

    static Boolean bool(Map<String, Object> o, String name) throws WrongType {
        Object v = o.get(name);
        if (v == null || v == Json.NULL) {
            return null;
        }
        if (!(v instanceof Boolean b)) {
            throw new WrongType("boolean", v);
        }
        return b;
    }

    static Long integer(Map<String, Object> o, String name) throws WrongType {
        Object v = o.get(name);
        if (v == null || v == Json.NULL) {
            return null;
        }
        if (!(v instanceof BigDecimal b) || !"integer".equals(typeName(b))) {
            throw new WrongType("integer", v);
        }
        try {
            return b.longValueExact();
        } catch (ArithmeticException e) {
            throw new WrongType("integer", v);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object v) throws WrongType {
        if (!(v instanceof Map)) {
            throw new WrongType("object", v);
        }
        return (Map<String, Object>) v;
    }

    /** {@return a JSON value made plain Java for users: NULL becomes null} */
    static Object plain(Object v) {
        if (v == Json.NULL) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), plain(e.getValue()));
            }
            return java.util.Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new java.util.ArrayList<>();
            for (Object x : l) {
                out.add(plain(x));
            }
            return java.util.Collections.unmodifiableList(out);
        }
        return v;
    }
}
