package dev.smtpunit.internal.http;

import dev.smtpunit.Provider;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * SendGrid v3 Mail Send: {@code POST /v3/mail/send} with {@code Authorization: Bearer <key>} and a
 * JSON body. {@code 202} with {@code X-Message-Id} (sandbox mode: {@code 200}), {@code 400} with
 * {@code errors[]} naming each field, {@code 401}, {@code 413} past 30 MB. One message per
 * personalization, as SendGrid delivers.
 */
final class SendGridApi implements ProviderApi {
    static final String PATH = "/v3/mail/send";
    static final int MAX_BYTES = 30 * 1024 * 1024;
    private static final Set<String> RESERVED = Set.of(
            "x-sg-id",
            "x-sg-eid",
            "received",
            "dkim-signature",
            "content-type",
            "content-transfer-encoding",
            "to",
            "from",
            "subject",
            "reply-to",
            "cc",
            "bcc");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Supplier<ApiCredentials> credentials;

    SendGridApi(Supplier<ApiCredentials> credentials) {
        this.credentials = credentials;
    }

    @Override
    public Provider provider() {
        return Provider.SENDGRID;
    }

    @Override
    public boolean owns(String path) {
        return path.equals(PATH) || path.equals(PATH + "/");
    }

    static String errors(List<String[]> errors) {
        List<Object> list = new ArrayList<>();
        for (String[] e : errors) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("message", e[1]);
            m.put("field", e[0] == null ? Json.NULL : e[0]);
            m.put("help", Json.NULL);
            list.add(m);
        }
        return Json.write(Map.of("errors", list));
    }

    private static HttpResponse error(int status, String field, String message) {
        List<String[]> one = new ArrayList<>();
        one.add(new String[] {field, message});
        return HttpResponse.json(status, errors(one));
    }

    @Override
    public HttpResponse error(int status) {
        String message;
        switch (status) {
            case 400:
                message = "Bad Request";
                break;
            case 401:
                message = "The provided authorization grant is invalid, expired, or revoked";
                break;
            case 403:
                message = "access forbidden";
                break;
            case 404:
                message = "not found";
                break;
            case 413:
                message = "payload too large";
                break;
            case 500:
                message = "internal server error";
                break;
            case 503:
                message = "service unavailable";
                break;
            default:
                message = HttpResponse.reason(status).toLowerCase(Locale.ROOT);
        }
        return error(status, null, message);
    }

    @Override
    public HttpResponse rateLimited(Duration retryAfter) {
        return error(429, null, "too many requests")
                .header("X-RateLimit-Limit", "600")
                .header("X-RateLimit-Remaining", "0")
                .header(
                        "X-RateLimit-Reset",
                        Long.toString(Instant.now().plus(retryAfter).getEpochSecond()))
                .header("Retry-After", Long.toString(retryAfter.toSeconds()));
    }

    @Override
    public ApiOutcome read(HttpRequest request) {
        ApiOutcome out = new ApiOutcome();
        Object doc = null;
        try {
            doc = Json.parse(request.bodyText());
            out.flatten("", doc);
        } catch (Json.JsonException e) {
            doc = null;
        }
        collectRecipients(doc, out);
        if (!request.method().equals("POST")) {
            return out.refuse(error(405, null, "method not allowed"));
        }
        String auth = request.header("Authorization");
        if (auth == null || auth.isBlank()) {
            return out.refuse(error(401, null, "authorization required"));
        }
        String key = auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
        if (key == null
                || !key.startsWith("SG.")
                || (credentials.get().sendGridApiKey() != null
                        && !credentials.get().sendGridApiKey().equals(key))) {
            return out.refuse(error(401, null, "The provided authorization grant is invalid, expired, or revoked"));
        }
        if (request.body().length > MAX_BYTES) {
            return out.refuse(
                    error(
                            413,
                            null,
                            "The JSON payload you have included in your request is too large. Please limit your request to 30MB."));
        }
        if (!(doc instanceof Map)) {
            return out.refuse(error(400, null, "Bad Request"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> mail = (Map<String, Object>) doc;
        new Send(mail, request, out).run();
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void collectRecipients(Object doc, ApiOutcome out) {
        if (!(doc instanceof Map<?, ?> m) || !(m.get("personalizations") instanceof List<?> ps)) {
            return;
        }
        for (Object p : ps) {
            if (p instanceof Map<?, ?> pm) {
                for (String kind : List.of("to", "cc", "bcc")) {
                    if (pm.get(kind) instanceof List<?> list) {
                        for (Object r : list) {
                            if (r instanceof Map<?, ?> rm && rm.get("email") instanceof String s) {
                                out.recipients.add(s);
                            }
                        }
                    }
                }
            }
        }
    }

    /** One Mail Send request, checked field by field as SendGrid does. */
    private final class Send {
        private final Map<String, Object> mail;
        private final HttpRequest request;
        private final ApiOutcome out;
        private final List<String[]> errors = new ArrayList<>();

        Send(Map<String, Object> mail, HttpRequest request, ApiOutcome out) {
            this.mail = mail;
            this.request = request;
            this.out = out;
        }

        private void fail(String field, String message) {
            errors.add(new String[] {field, message});
        }

        private MimeBuilder.Address address(Object v, String field, String invalid) {
            Map<String, Object> o;
            try {
                o = JsonFields.asObject(v);
            } catch (JsonFields.WrongType e) {
                fail(field, e.getMessage());
                return null;
            }
            String email;
            String name;
            try {
                email = JsonFields.string(o, "email");
                name = JsonFields.string(o, "name");
            } catch (JsonFields.WrongType e) {
                fail(field + ".email", e.getMessage());
                return null;
            }
            if (email == null || !EmailAddresses.valid(email)) {
                fail(field + ".email", invalid);
                return null;
            }
            if (name != null && (name.contains(";") || name.contains(",") && !name.startsWith("\""))) {
                fail(
                        field + ".name",
                        "The name parameter cannot contain ';' or ',' characters. Please wrap the name in double quotes.");
                return null;
            }
            return new MimeBuilder.Address(name == null ? "" : name, email);
        }

        private List<MimeBuilder.Address> addresses(Map<String, Object> p, String kind, String field) {
            List<MimeBuilder.Address> list = new ArrayList<>();
            List<Object> raw;
            try {
                raw = JsonFields.array(p, kind);
            } catch (JsonFields.WrongType e) {
                fail(field, e.getMessage());
                return list;
            }
            if (raw == null) {
                return list;
            }
            for (int i = 0; i < raw.size(); i++) {
                MimeBuilder.Address a = address(raw.get(i), field + "." + i, "Does not contain a valid address.");
                if (a != null) {
                    list.add(a);
                }
            }
            return list;
        }

        private Map<String, String> stringMap(Object v, String field, String what) {
            Map<String, String> m = new LinkedHashMap<>();
            if (v == null || v == Json.NULL) {
                return m;
            }
            if (!(v instanceof Map<?, ?> o)) {
                fail(field, "Invalid type. Expected: object, given: " + JsonFields.typeName(v) + ".");
                return m;
            }
            for (Map.Entry<?, ?> e : o.entrySet()) {
                if (!(e.getValue() instanceof String s)) {
                    fail(field + "." + e.getKey(), what + " must be strings.");
                } else {
                    m.put(String.valueOf(e.getKey()), s);
                }
            }
            return m;
        }

        @SuppressWarnings("unchecked")
        void run() {
            try {
                runChecked();
            } catch (JsonFields.WrongType e) {
                fail(null, e.getMessage());
            }
            if (!errors.isEmpty()) {
                out.messages.clear();
                out.refuse(HttpResponse.json(400, errors(errors)));
            }
        }

        @SuppressWarnings("unchecked")
        private void runChecked() throws JsonFields.WrongType {
            MimeBuilder.Address from = null;
            if (!JsonFields.present(mail, "from")) {
                fail(
                        "from",
                        "The from object must be provided for every email send. It is an object that requires an email"
                                + " parameter, but may also contain a name parameter.");
            } else {
                from = address(mail.get("from"), "from", "The from email does not contain a valid address.");
            }
            List<MimeBuilder.Address> replyTo = new ArrayList<>();
            if (JsonFields.present(mail, "reply_to")) {
                MimeBuilder.Address r = address(
                        mail.get("reply_to"), "reply_to", "The reply_to email does not contain a valid address.");
                if (r != null) {
                    replyTo.add(r);
                }
            }
            if (JsonFields.present(mail, "reply_to_list")) {
                if (!replyTo.isEmpty()) {
                    fail("reply_to_list", "The reply_to and reply_to_list properties are mutually exclusive.");
                }
                replyTo.addAll(addresses(mail, "reply_to_list", "reply_to_list"));
            }
            String templateId = stringField(mail, "template_id");
            boolean dynamic = templateId != null && templateId.startsWith("d-");
            String subject = stringField(mail, "subject");
            List<Object> content = arrayField(mail, "content");
            String text = null;
            String html = null;
            if (content != null) {
                for (int i = 0; i < content.size(); i++) {
                    Map<String, Object> c;
                    try {
                        c = JsonFields.asObject(content.get(i));
                    } catch (JsonFields.WrongType e) {
                        fail("content." + i, e.getMessage());
                        continue;
                    }
                    String type = stringField(c, "type");
                    String value = stringField(c, "value");
                    if (type == null || type.isEmpty()) {
                        fail("content." + i + ".type", "The content type must be provided.");
                        continue;
                    }
                    if (type.contains(";") || type.contains("\r") || type.contains("\n")) {
                        fail("content." + i + ".type", "The content type cannot contain ';', or CRLF characters.");
                        continue;
                    }
                    if (value == null || value.isEmpty()) {
                        fail(
                                "content." + i + ".value",
                                "The content value must be a string at least one character in length.");
                        continue;
                    }
                    String t = type.toLowerCase(Locale.ROOT);
                    if ((t.equals("text/plain") && i != 0) || (t.equals("text/html") && text == null && i != 0)) {
                        fail(
                                "content",
                                "If present, text/plain must be first, followed by text/html, followed by any other content.");
                    } else if (t.equals("text/plain")) {
                        text = value;
                    } else if (t.equals("text/html")) {
                        html = value;
                    }
                }
            }
            if (templateId == null && (content == null || content.isEmpty())) {
                fail(
                        "content",
                        "Unless a valid template_id is provided, the content parameter is required. There must be at"
                                + " least one defined content block. We typically suggest both text/plain and text/html blocks are"
                                + " included, but only one block is required.");
            }
            Map<String, String> headers = headerMap(mail.get("headers"), "headers");
            Map<String, String> customArgs = stringMap(mail.get("custom_args"), "custom_args", "Custom args");
            List<String> categories = new ArrayList<>();
            List<Object> cats = arrayField(mail, "categories");
            if (cats != null) {
                if (cats.size() > 10) {
                    fail("categories", "Too many categories. Please limit the number of categories to 10 or fewer.");
                }
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < cats.size(); i++) {
                    if (!(cats.get(i) instanceof String c)) {
                        fail(
                                "categories." + i,
                                "Invalid type. Expected: string, given: " + JsonFields.typeName(cats.get(i)) + ".");
                    } else if (c.length() > 255) {
                        fail("categories." + i, "A category cannot be more than 255 characters.");
                    } else if (!seen.add(c)) {
                        fail("categories", "The categories must be unique.");
                    } else {
                        categories.add(c);
                    }
                }
            }
            Long sendAt = integerField(mail, "send_at", "send_at");
            checkSendAt(sendAt, "send_at");
            List<MimeBuilder.Part> attachments = attachments();
            Map<String, String> settings = settings();
            boolean sandbox = sandbox();

            List<Object> ps = arrayField(mail, "personalizations");
            if (ps == null || ps.isEmpty()) {
                fail(
                        "personalizations",
                        "The personalizations field is required and must have at least one personalization.");
                return;
            }
            if (ps.size() > 1000) {
                fail("personalizations", "You may not have more than 1000 personalizations per API request.");
                return;
            }
            String messageId = messageId();
            List<ApiMessage> made = new ArrayList<>();
            for (int i = 0; i < ps.size(); i++) {
                String f = "personalizations." + i;
                Map<String, Object> p;
                try {
                    p = JsonFields.asObject(ps.get(i));
                } catch (JsonFields.WrongType e) {
                    fail(f, e.getMessage());
                    continue;
                }
                List<MimeBuilder.Address> to = addresses(p, "to", f + ".to");
                List<MimeBuilder.Address> cc = addresses(p, "cc", f + ".cc");
                List<MimeBuilder.Address> bcc = addresses(p, "bcc", f + ".bcc");
                if (!JsonFields.present(p, "to") || to.isEmpty() && errors.isEmpty()) {
                    fail(
                            f + ".to",
                            "The to array is required for all personalization objects, and must have at least one email"
                                    + " object with a valid email address.");
                    continue;
                }
                if (to.size() + cc.size() + bcc.size() > 1000) {
                    fail(
                            f,
                            "The total number of recipients must be less than 1000. This includes all recipients defined within"
                                    + " the to, cc, and bcc parameters, across each object that you include in the personalizations array.");
                }
                String duplicate = duplicate(to, cc, bcc);
                if (duplicate != null) {
                    fail(
                            f,
                            "Each email address in the personalization block should be unique between to, cc, and bcc. We found"
                                    + " the first duplicate instance of [" + duplicate + "] in the personalizations."
                                    + i + " field.");
                }
                MimeBuilder.Address sender = from;
                if (JsonFields.present(p, "from")) {
                    sender = address(p.get("from"), f + ".from", "The from email does not contain a valid address.");
                }
                String pSubject = stringField(p, "subject");
                String subj = pSubject != null ? pSubject : subject;
                if (templateId == null && (subj == null || subj.isEmpty())) {
                    fail(
                            "subject",
                            "The subject is required. You can get around this requirement if you use a template with a"
                                    + " subject defined or if every personalization has a subject defined.");
                }
                Map<String, String> pHeaders = new LinkedHashMap<>(headers);
                pHeaders.putAll(headerMap(p.get("headers"), f + ".headers"));
                Map<String, String> substitutions =
                        stringMap(p.get("substitutions"), f + ".substitutions", "Substitutions");
                Map<String, String> pArgs = new LinkedHashMap<>(customArgs);
                pArgs.putAll(stringMap(p.get("custom_args"), f + ".custom_args", "Custom args"));
                Long pSendAt = integerField(p, "send_at", f + ".send_at");
                checkSendAt(pSendAt, f + ".send_at");
                Map<String, Object> data = Map.of();
                if (JsonFields.present(p, "dynamic_template_data")) {
                    Object d = p.get("dynamic_template_data");
                    if (!(d instanceof Map)) {
                        fail(
                                f + ".dynamic_template_data",
                                "Invalid type. Expected: object, given: " + JsonFields.typeName(d) + ".");
                    } else {
                        data = (Map<String, Object>) JsonFields.plain(d);
                    }
                }
                if (!errors.isEmpty() || sender == null) {
                    continue;
                }
                Map<String, String> subs = dynamic ? Map.of() : substitutions;
                MimeBuilder b = new MimeBuilder();
                b.addresses("From", List.of(sender));
                b.addresses("To", to);
                b.addresses("Cc", cc);
                b.addresses("Reply-To", replyTo);
                b.header("Subject", substitute(subj == null ? "" : subj, subs));
                b.rawHeader("Date", MimeBuilder.now());
                b.rawHeader("Message-ID", "<" + messageId + "." + i + "@smtpunit.sendgrid.test>");
                for (Map.Entry<String, String> h : pHeaders.entrySet()) {
                    b.header(h.getKey(), substitute(h.getValue(), subs));
                }
                b.text(text == null ? null : substitute(text, subs));
                b.html(html == null ? null : substitute(html, subs));
                attachments.forEach(b::attach);
                List<String> recipients = new ArrayList<>();
                for (List<MimeBuilder.Address> l : List.of(to, cc, bcc)) {
                    l.forEach(a -> recipients.add(a.email()));
                }
                Long at = pSendAt != null ? pSendAt : sendAt;
                made.add(new ApiMessage(
                        Provider.SENDGRID,
                        request.client(),
                        request.secure(),
                        "apikey",
                        sender.email(),
                        List.copyOf(recipients),
                        b.build(),
                        messageId,
                        templateId,
                        data,
                        List.copyOf(categories),
                        Map.copyOf(pArgs),
                        at == null ? null : Instant.ofEpochSecond(at),
                        sandbox,
                        settings));
            }
            if (errors.isEmpty()) {
                out.messages.addAll(made);
                out.success = HttpResponse.of(sandbox ? 200 : 202, null, "").header("X-Message-Id", messageId);
            }
        }

        private String duplicate(
                List<MimeBuilder.Address> to, List<MimeBuilder.Address> cc, List<MimeBuilder.Address> bcc) {
            Set<String> seen = new HashSet<>();
            for (List<MimeBuilder.Address> l : List.of(to, cc, bcc)) {
                for (MimeBuilder.Address a : l) {
                    if (!seen.add(a.email().toLowerCase(Locale.ROOT))) {
                        return a.email();
                    }
                }
            }
            return null;
        }

        private void checkSendAt(Long sendAt, String field) {
            if (sendAt != null
                    && sendAt > Instant.now().plus(Duration.ofHours(72)).getEpochSecond()) {
                fail(field, "The send_at parameter must be a unix timestamp no more than 72 hours in the future.");
            }
        }

        private Map<String, String> headerMap(Object v, String field) {
            Map<String, String> m = stringMap(v, field, "Headers");
            for (String name : m.keySet()) {
                if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                    fail(field, "The following header is reserved and cannot be set: " + name);
                }
                if (!name.matches("[!-9;-~]+")) {
                    fail(field, "Invalid header name: " + name);
                }
            }
            return m;
        }

        private List<MimeBuilder.Part> attachments() throws JsonFields.WrongType {
            List<MimeBuilder.Part> parts = new ArrayList<>();
            List<Object> raw = arrayField(mail, "attachments");
            if (raw == null) {
                return parts;
            }
            for (int i = 0; i < raw.size(); i++) {
                String f = "attachments." + i;
                Map<String, Object> a;
                try {
                    a = JsonFields.asObject(raw.get(i));
                } catch (JsonFields.WrongType e) {
                    fail(f, e.getMessage());
                    continue;
                }
                String content = stringField(a, "content");
                String filename = stringField(a, "filename");
                String type = stringField(a, "type");
                String disposition = stringField(a, "disposition");
                String cid = stringField(a, "content_id");
                if (content == null || content.isEmpty()) {
                    fail(f + ".content", "The attachment content is required.");
                    continue;
                }
                if (filename == null || filename.isEmpty()) {
                    fail(f + ".filename", "The attachment filename parameter is required.");
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = Base64.getMimeDecoder().decode(content);
                    if (!content.replaceAll("\\s", "").matches("[A-Za-z0-9+/]*={0,2}")) {
                        throw new IllegalArgumentException("not base64");
                    }
                } catch (IllegalArgumentException e) {
                    fail(f + ".content", "The attachment content must be base64 encoded.");
                    continue;
                }
                if (disposition != null && !disposition.equals("inline") && !disposition.equals("attachment")) {
                    fail(f + ".disposition", "If the disposition is set, it must be either inline or attachment.");
                    continue;
                }
                boolean inline = "inline".equals(disposition);
                if (inline && (cid == null || cid.isEmpty())) {
                    fail(
                            f + ".content_id",
                            "The content_id parameter is required if the attachment disposition is inline.");
                    continue;
                }
                parts.add(new MimeBuilder.Part(filename, type, bytes, inline, cid));
            }
            return parts;
        }

        private Map<String, String> settings() throws JsonFields.WrongType {
            Map<String, String> s = new LinkedHashMap<>();
            for (String name : List.of("batch_id", "ip_pool_name")) {
                String v = stringField(mail, name);
                if (v != null) {
                    s.put(name, v);
                }
            }
            ApiOutcome flat = new ApiOutcome();
            for (String name : List.of("asm", "mail_settings", "tracking_settings")) {
                if (JsonFields.present(mail, name)) {
                    flat.flatten(name, mail.get(name));
                }
            }
            s.putAll(flat.fields);
            return Map.copyOf(s);
        }

        private boolean sandbox() throws JsonFields.WrongType {
            Map<String, Object> ms = objectField(mail, "mail_settings");
            if (ms == null) {
                return false;
            }
            Map<String, Object> sm = objectField(ms, "sandbox_mode");
            if (sm == null) {
                return false;
            }
            Boolean enable;
            try {
                enable = JsonFields.bool(sm, "enable");
            } catch (JsonFields.WrongType e) {
                fail("mail_settings.sandbox_mode.enable", e.getMessage());
                return false;
            }
            return Boolean.TRUE.equals(enable);
        }

        private String stringField(Map<String, Object> o, String name) {
            try {
                return JsonFields.string(o, name);
            } catch (JsonFields.WrongType e) {
                fail(name, e.getMessage());
                return null;
            }
        }

        private List<Object> arrayField(Map<String, Object> o, String name) {
            try {
                return JsonFields.array(o, name);
            } catch (JsonFields.WrongType e) {
                fail(name, e.getMessage());
                return null;
            }
        }

        private Map<String, Object> objectField(Map<String, Object> o, String name) {
            try {
                return JsonFields.object(o, name);
            } catch (JsonFields.WrongType e) {
                fail(name, e.getMessage());
                return null;
            }
        }

        private Long integerField(Map<String, Object> o, String name, String field) {
            try {
                return JsonFields.integer(o, name);
            } catch (JsonFields.WrongType e) {
                fail(field, e.getMessage());
                return null;
            }
        }
    }

    private static String substitute(String text, Map<String, String> substitutions) {
        String s = text;
        for (Map.Entry<String, String> e : substitutions.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }

    static String messageId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public List<String> transcriptHeaders() {
        return List.of("Authorization", "Content-Type", "User-Agent");
    }
}
