package dev.smtpunit.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A reply to send: status, header fields spelled exactly as given (providers' SDKs read some of them
 * case-sensitively), and a body.
 */
public final class HttpResponse {
    private final int status;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private final byte[] body;

    private HttpResponse(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    /**
     * A JSON reply.
     *
     * @param status the status code
     * @param json the body
     * @return the response
     */
    public static HttpResponse json(int status, String json) {
        return new HttpResponse(status, json.getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
    }

    /**
     * A reply with a body of the given type.
     *
     * @param status the status code
     * @param contentType the content type, or null for no body
     * @param body the body text
     * @return the response
     */
    public static HttpResponse of(int status, String contentType, String body) {
        HttpResponse r = new HttpResponse(status, body.getBytes(StandardCharsets.UTF_8));
        return contentType == null ? r : r.header("Content-Type", contentType);
    }

    /**
     * Adds a header field, spelled as given.
     *
     * @param name the name
     * @param value the value
     * @return this response
     */
    public HttpResponse header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    /** {@return the status code} */
    public int status() {
        return status;
    }

    /** {@return the header fields in order} */
    public List<Map.Entry<String, String>> headers() {
        return List.copyOf(headers);
    }

    /** {@return the body} */
    public byte[] body() {
        return body;
    }

    /** {@return the body as UTF-8 text} */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    static String reason(int status) {
        switch (status) {
            case 100:
                return "Continue";
            case 200:
                return "OK";
            case 202:
                return "Accepted";
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 408:
                return "Request Timeout";
            case 411:
                return "Length Required";
            case 413:
                return "Payload Too Large";
            case 414:
                return "URI Too Long";
            case 415:
                return "Unsupported Media Type";
            case 422:
                return "Unprocessable Entity";
            case 429:
                return "Too Many Requests";
            case 431:
                return "Request Header Fields Too Large";
            case 500:
                return "Internal Server Error";
            case 501:
                return "Not Implemented";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            case 504:
                return "Gateway Timeout";
            default:
                return "Status " + status;
        }
    }
}
