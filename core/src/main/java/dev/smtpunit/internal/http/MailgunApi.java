package dev.smtpunit.internal.http;

import dev.smtpunit.Provider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mailgun: {@code POST /v3/{domain}/messages} as {@code multipart/form-data} or url-encoded, and
 * {@code /v3/{domain}/messages.mime} (a {@code message} file and {@code to}), Basic auth
 * {@code api:KEY}. {@code 200} with {@code id} and {@code "Queued. Thank you."}; {@code 400} with
 * {@code message}; {@code 401 Forbidden}; {@code 404} for an unknown domain. {@code o:}, {@code h:},
 * {@code v:} and {@code t:} fields; {@code recipient-variables} makes one message per {@code to}.
 */
final class MailgunApi implements ProviderApi {
    private static final Pattern PATH = Pattern.compile("/v3/([^/]+)/(messages|messages\\.mime)");
    private static final Pattern RECIPIENT_VAR = Pattern.compile("%recipient\\.([A-Za-z0-9_.-]+)%");
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(java.time.ZoneOffset.UTC);
    private final Supplier<ApiCredentials> credentials;

    MailgunApi(Supplier<ApiCredentials> credentials) {
        this.credentials = credentials;
    }

    @Override
    public Provider provider() {
        return Provider.MAILGUN;
    }

    @Override
    public boolean owns(String path) {
        return PATH.matcher(path).matches();
    }

    private static HttpResponse message(int status, String message) {
        return HttpResponse.json(status, Json.write(Map.of("message", message)));
    }

    @Override
    public HttpResponse error(int status) {
        switch (status) {
            case 400:
                return message(400, "Bad Request");
            case 401:
                return HttpResponse.of(401, "text/plain", "Forbidden");
            case 404:
                return message(404, "Not Found");
            case 500:
                return message(500, "Internal Server Error");
            case 503:
                return message(503, "Service Unavailable");
            default:
                return message(status, HttpResponse.reason(status));
        }
    }

    @Override
    public HttpResponse rateLimited(Duration retryAfter) {
        return message(429, "Too many requests")
                .header("X-RateLimit-Limit", "300")
                .header("X-RateLimit-Remaining", "0")
                .header(
                        "X-RateLimit-Reset",
                        Long.toString(Instant.now().plus(retryAfter).toEpochMilli()))
                .header("Retry-After", Long.toString(retryAfter.toSeconds()));
    }

    @Override
    public ApiOutcome read(HttpRequest request) {
        ApiOutcome out = new ApiOutcome();
        Matcher path = PATH.matcher(request.path());
        path.matches();
        String domain = path.group(1);
        boolean mime = path.group(2).equals("messages.mime");
        List<FormFields.Field> fields;
        String formError = null;
        try {
            fields = FormFields.read(request);
        } catch (FormFields.FormException e) {
            fields = List.of();
            formError = e.getMessage();
        }
        Map<String, List<FormFields.Field>> byName = new LinkedHashMap<>();
        for (FormFields.Field f : fields) {
            byName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
            if (f.filename() == null) {
                out.field(f.name(), f.value());
            }
        }
        List<String> toList = addressTexts(byName.get("to"));
        List<String> ccList = addressTexts(byName.get("cc"));
        List<String> bccList = addressTexts(byName.get("bcc"));
        for (List<String> l : List.of(toList, ccList, bccList)) {
            for (String a : l) {
                MimeBuilder.Address addr = EmailAddresses.parse(a);
                out.recipients.add(addr == null ? a : addr.email());
            }
        }
        if (!request.method().equals("POST")) {
            return out.refuse(message(405, "Method not allowed"));
        }
        if (!authorized(request.header("Authorization"))) {
            return out.refuse(HttpResponse.of(401, "text/plain", "Forbidden"));
        }
        if (!credentials.get().mailgunDomains().isEmpty()
                && !credentials.get().mailgunDomains().contains(domain.toLowerCase(Locale.ROOT))) {
            return out.refuse(message(404, "Domain not found: " + domain));
        }
        if (formError != null) {
            return out.refuse(message(400, "Invalid form body: " + formError));
        }
        try {
            return mime
                    ? mime(request, domain, byName, toList, ccList, bccList, out)
                    : build(request, domain, byName, toList, ccList, bccList, out);
        } catch (Refusal r) {
            out.messages.clear();
            return out.refuse(message(400, r.getMessage()));
        }
    }

    /** A refusal with Mailgun's 400 message. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String userPass;
        try {
            userPass = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!userPass.startsWith("api:") || userPass.length() == 4) {
            return false;
        }
        return credentials.get().mailgunApiKey() == null
                || credentials.get().mailgunApiKey().equals(userPass.substring(4));
    }

    private static List<String> addressTexts(List<FormFields.Field> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (FormFields.Field f : values) {
                out.addAll(EmailAddresses.split(f.value()));
            }
        }
        return out;
    }

    private static String first(Map<String, List<FormFields.Field>> byName, String name) {
        List<FormFields.Field> l = byName.get(name);
        return l == null || l.isEmpty() ? null : l.get(0).value();
    }

    private static List<MimeBuilder.Address> parse(List<String> texts, String field) throws Refusal {
        List<MimeBuilder.Address> out = new ArrayList<>();
        for (String t : texts) {
            MimeBuilder.Address a = EmailAddresses.parse(t);
            if (a == null) {
                throw new Refusal("'" + field + "' parameter is not a valid address. please check documentation");
            }
            out.add(a);
        }
        return out;
    }

    private ApiOutcome build(
            HttpRequest request,
            String domain,
            Map<String, List<FormFields.Field>> byName,
            List<String> toList,
            List<String> ccList,
            List<String> bccList,
            ApiOutcome out)
            throws Refusal {
        String fromText = first(byName, "from");
        if (fromText == null || fromText.isBlank()) {
            throw new Refusal("'from' parameter is missing");
        }
        MimeBuilder.Address from = EmailAddresses.parse(fromText);
        if (from == null) {
            throw new Refusal("'from' parameter is not a valid address. please check documentation");
        }
        if (toList.isEmpty()) {
            throw new Refusal("'to' parameter is missing");
        }
        List<MimeBuilder.Address> to = parse(toList, "to");
        List<MimeBuilder.Address> cc = parse(ccList, "cc");
        List<MimeBuilder.Address> bcc = parse(bccList, "bcc");
        if (to.size() + cc.size() + bcc.size() > 1000) {
            throw new Refusal("Too many recipients: the maximum number of recipients is 1000");
        }
        String text = first(byName, "text");
        String html = first(byName, "html");
        String template = first(byName, "template");
        if (template == null && (text == null || text.isEmpty()) && (html == null || html.isEmpty())) {
            throw new Refusal("Need at least one of 'text' or 'html' parameters specified");
        }
        List<String> tags = new ArrayList<>();
        if (byName.get("o:tag") != null) {
            for (FormFields.Field f : byName.get("o:tag")) {
                if (f.value().length() > 128 || !f.value().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                    throw new Refusal("Invalid tag: '" + f.value() + "': tags are ASCII, at most 128 characters");
                }
                tags.add(f.value());
            }
        }
        if (tags.size() > 3) {
            throw new Refusal("Too many tags: a message may have at most 3 tags");
        }
        Instant deliveryTime = null;
        String dt = first(byName, "o:deliverytime");
        if (dt != null) {
            try {
                deliveryTime = ZonedDateTime.parse(dt, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw new Refusal("Invalid parameter: o:deliverytime is not an RFC 2822 date: '" + dt + "'");
            }
        }
        boolean testMode = yesNo(first(byName, "o:testmode"), "o:testmode");
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : byName.keySet()) {
            if (name.startsWith("o:") && !name.equals("o:tag") && !name.equals("o:deliverytime")) {
                settings.put(name, first(byName, name));
            }
        }
        String version = first(byName, "t:version");
        if (version != null) {
            settings.put("t:version", version);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (String name : byName.keySet()) {
            if (name.startsWith("v:")) {
                metadata.put(name.substring(2), first(byName, name));
            }
        }
        String mailgunVariables = first(byName, "h:X-Mailgun-Variables");
        Map<String, Object> templateData = Map.of();
        if (mailgunVariables != null) {
            Map<String, Object> vars = jsonObject(mailgunVariables, "h:X-Mailgun-Variables");
            vars.forEach((k, v) -> metadata.putIfAbsent(k, v instanceof String s ? s : Json.write(v)));
            templateData = vars;
        }
        String tVariables = first(byName, "t:variables");
        if (tVariables != null) {
            templateData = jsonObject(tVariables, "t:variables");
        }
        Map<String, Object> recipientVariables = null;
        String rv = first(byName, "recipient-variables");
        if (rv != null) {
            recipientVariables = jsonObject(rv, "recipient-variables");
        }
        List<MimeBuilder.Part> parts = new ArrayList<>();
        for (String kind : List.of("attachment", "inline")) {
            if (byName.get(kind) != null) {
                for (FormFields.Field f : byName.get(kind)) {
                    String ct = f.contentType() == null ? "application/octet-stream" : f.contentType();
                    String name = f.filename() == null ? "attachment" : f.filename();
                    parts.add(new MimeBuilder.Part(
                            name, ct, f.bytes(), kind.equals("inline"), kind.equals("inline") ? name : null));
                }
            }
        }
        String subject = first(byName, "subject");
        String replyTo = first(byName, "h:Reply-To");
        List<List<MimeBuilder.Address>> batches = new ArrayList<>();
        if (recipientVariables != null) {
            for (MimeBuilder.Address a : to) {
                batches.add(List.of(a));
            }
        } else {
            batches.add(to);
        }
        String id = null;
        for (List<MimeBuilder.Address> batchTo : batches) {
            Map<String, String> vars = new LinkedHashMap<>();
            if (recipientVariables != null
                    && recipientVariables.get(batchTo.get(0).email()) instanceof Map<?, ?> m) {
                m.forEach((k, v) -> vars.put(String.valueOf(k), v instanceof String s ? s : Json.write(v)));
            }
            String messageId = "<" + ID_TIME.format(Instant.now()) + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + "@" + domain + ">";
            if (id == null) {
                id = messageId;
            }
            MimeBuilder b = new MimeBuilder();
            b.addresses("From", List.of(from));
            b.addresses("To", batchTo);
            if (recipientVariables == null) {
                b.addresses("Cc", cc);
            }
            b.header("Subject", substitute(subject == null ? "" : subject, vars));
            b.rawHeader("Date", MimeBuilder.now());
            b.rawHeader("Message-ID", messageId);
            if (replyTo != null) {
                MimeBuilder.Address r = EmailAddresses.parse(replyTo);
                if (r == null) {
                    throw new Refusal("'h:Reply-To' parameter is not a valid address. please check documentation");
                }
                b.addresses("Reply-To", List.of(r));
            }
            for (String name : byName.keySet()) {
                if (name.startsWith("h:") && !name.equalsIgnoreCase("h:Reply-To")) {
                    String header = name.substring(2);
                    if (!header.matches("[!-9;-~]+")) {
                        throw new Refusal("Invalid header name: '" + header + "'");
                    }
                    b.header(header, first(byName, name));
                }
            }
            b.text(text == null || text.isEmpty() ? null : substitute(text, vars));
            b.html(html == null || html.isEmpty() ? null : substitute(html, vars));
            parts.forEach(b::attach);
            List<String> recipients = new ArrayList<>();
            batchTo.forEach(a -> recipients.add(a.email()));
            if (recipientVariables == null) {
                cc.forEach(a -> recipients.add(a.email()));
                bcc.forEach(a -> recipients.add(a.email()));
            }
            out.messages.add(new ApiMessage(
                    Provider.MAILGUN,
                    request.client(),
                    request.secure(),
                    "api",
                    from.email(),
                    List.copyOf(recipients),
                    b.build(),
                    messageId,
                    template,
                    templateData,
                    List.copyOf(tags),
                    Map.copyOf(metadata),
                    deliveryTime,
                    testMode,
                    Map.copyOf(settings)));
        }
        out.success = queued(id);
        return out;
    }

    private static HttpResponse queued(String id) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("id", id);
        reply.put("message", "Queued. Thank you.");
        return HttpResponse.json(200, Json.write(reply));
    }

    private ApiOutcome mime(
            HttpRequest request,
            String domain,
            Map<String, List<FormFields.Field>> byName,
            List<String> toList,
            List<String> ccList,
            List<String> bccList,
            ApiOutcome out)
            throws Refusal {
        if (toList.isEmpty()) {
            throw new Refusal("'to' parameter is missing");
        }
        List<MimeBuilder.Address> to = parse(toList, "to");
        List<FormFields.Field> message = byName.get("message");
        if (message == null || message.isEmpty() || message.get(0).bytes().length == 0) {
            throw new Refusal("'message' parameter is missing");
        }
        byte[] raw = message.get(0).bytes();
        String fromHeader = headerOf(raw, "From");
        MimeBuilder.Address from = fromHeader == null ? null : EmailAddresses.parse(fromHeader);
        if (from == null) {
            throw new Refusal("'from' parameter is missing");
        }
        List<String> tags = new ArrayList<>();
        if (byName.get("o:tag") != null) {
            byName.get("o:tag").forEach(f -> tags.add(f.value()));
        }
        if (tags.size() > 3) {
            throw new Refusal("Too many tags: a message may have at most 3 tags");
        }
        boolean testMode = yesNo(first(byName, "o:testmode"), "o:testmode");
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : byName.keySet()) {
            if (name.startsWith("v:")) {
                metadata.put(name.substring(2), first(byName, name));
            } else if (name.startsWith("o:") && !name.equals("o:tag")) {
                settings.put(name, first(byName, name));
            }
        }
        String existing = headerOf(raw, "Message-ID");
        String messageId = existing != null
                ? existing.trim()
                : "<" + ID_TIME.format(Instant.now()) + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + "@" + domain + ">";
        List<String> recipients = new ArrayList<>();
        to.forEach(a -> recipients.add(a.email()));
        out.messages.add(new ApiMessage(
                Provider.MAILGUN,
                request.client(),
                request.secure(),
                "api",
                from.email(),
                List.copyOf(recipients),
                raw,
                messageId,
                null,
                Map.of(),
                List.copyOf(tags),
                Map.copyOf(metadata),
                null,
                testMode,
                Map.copyOf(settings)));
        out.success = queued(messageId);
        return out;
    }

    private static boolean yesNo(String value, String field) throws Refusal {
        if (value == null) {
            return false;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yes":
            case "true":
                return true;
            case "no":
            case "false":
                return false;
            default:
                throw new Refusal("Invalid parameter: " + field + " must be yes or no, was '" + value + "'");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(String text, String field) throws Refusal {
        try {
            Object v = Json.parse(text);
            if (v instanceof Map) {
                return (Map<String, Object>) JsonFields.plain(v);
            }
        } catch (Json.JsonException e) {
            throw new Refusal("Invalid parameter: " + field + " is not valid JSON: " + e.getMessage());
        }
        throw new Refusal("Invalid parameter: " + field + " must be a JSON object");
    }

    private static String substitute(String text, Map<String, String> vars) {
        if (vars.isEmpty()) {
            return text;
        }
        Matcher m = RECIPIENT_VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** {@return the unfolded value of the first header field of a raw message with this name, or null} */
    static String headerOf(byte[] raw, String name) {
        String head = new String(raw, 0, Math.min(raw.length, 64 * 1024), StandardCharsets.UTF_8);
        int end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            end = head.indexOf("\n\n");
        }
        if (end >= 0) {
            head = head.substring(0, end);
        }
        String unfolded = head.replaceAll("\r?\n[ \t]+", " ");
        for (String line : unfolded.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    @Override
    public List<String> transcriptHeaders() {
        return List.of("Authorization", "Content-Type", "User-Agent");
    }
}
