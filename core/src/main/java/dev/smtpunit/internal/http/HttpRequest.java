package dev.smtpunit.internal.http;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request as read from the wire: method, target, headers in their order and spelling,
 * and the body.
 *
 * @param method the method, as sent
 * @param target the request target (path and query)
 * @param headers the header fields in order, names as sent
 * @param body the body, empty when there was none
 * @param client the client's address
 * @param secure whether the request came over TLS
 * @param connection the connection it came on, shared by its keep-alive requests
 */
public record HttpRequest(
        String method,
        String target,
        List<Map.Entry<String, String>> headers,
        byte[] body,
        InetSocketAddress client,
        boolean secure,
        Connection connection) {

    /** One client connection: what a handler keeps for its later requests. */
    public static final class Connection {
        private Object attachment;

        /** {@return what the handler attached, or null} */
        public synchronized Object attachment() {
            return attachment;
        }

        /**
         * Attaches something for the connection's later requests.
         *
         * @param value the value
         */
        public synchronized void attach(Object value) {
            this.attachment = value;
        }
    }

    /** {@return the path without the query} */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** {@return the query parameters, decoded, in order} */
    public Map<String, List<String>> query() {
        int q = target.indexOf('?');
        return q < 0 ? Map.of() : Forms.urlEncoded(target.substring(q + 1));
    }

    /**
     * The first value of a header.
     *
     * @param name the name, any case
     * @return the value, or null
     */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** {@return the media type of the body without parameters, lower case, or empty} */
    public String mediaType() {
        String ct = header("Content-Type");
        if (ct == null) {
            return "";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** {@return the body as UTF-8 text} */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Form decoding helpers. */
    static final class Forms {
        private Forms() {}

        static Map<String, List<String>> urlEncoded(String s) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            if (s.isEmpty()) {
                return out;
            }
            for (String pair : s.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
            return out;
        }
    }
}
