package dev.smtpunit.internal.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What reading a request gave: the recipients and fields fault rules match on, and either the
 * provider's refusal or the messages to store with the success reply.
 */
final class ApiOutcome {
    final List<String> recipients = new ArrayList<>();
    final Map<String, String> fields = new LinkedHashMap<>();
    final List<ApiMessage> messages = new ArrayList<>();
    HttpResponse refusal;
    HttpResponse success;

    ApiOutcome refuse(HttpResponse response) {
        if (refusal == null) {
            refusal = response;
        }
        return this;
    }

    /** Adds a field for matchers; the first value of a name wins. */
    void field(String name, String value) {
        fields.putIfAbsent(name, value);
    }

    /** Adds every scalar of a JSON value under its path. */
    void flatten(String path, Object value) {
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                flatten(path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey(), e.getValue());
            }
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(path + "[" + i + "]", l.get(i));
            }
        } else if (value != null && value != Json.NULL) {
            field(path, value instanceof java.math.BigDecimal b ? b.toPlainString() : value.toString());
        }
    }
}
