package dev.smtpunit.internal.http;

import dev.smtpunit.Provider;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Postmark: {@code POST /email}, {@code /email/batch}, {@code /email/withTemplate} and
 * {@code /email/batchWithTemplates} with {@code X-Postmark-Server-Token}, PascalCase JSON. {@code 200}
 * with {@code To}, {@code SubmittedAt}, {@code MessageID}, {@code ErrorCode 0}; {@code 401} with
 * ErrorCode 10; {@code 422} with ErrorCode 300 (invalid request) or 402 (invalid JSON). A batch
 * answers {@code 200} with one result per message, each accepted or refused on its own.
 */
final class PostmarkApi implements ProviderApi {
    private static final int MAX_RECIPIENTS = 50;
    private static final int MAX_BATCH = 500;
    private final Supplier<ApiCredentials> credentials;

    PostmarkApi(Supplier<ApiCredentials> credentials) {
        this.credentials = credentials;
    }

    @Override
    public Provider provider() {
        return Provider.POSTMARK;
    }

    @Override
    public boolean owns(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.equals("/email")
                || p.equals("/email/batch")
                || p.equals("/email/withTemplate")
                || p.equals("/email/batchWithTemplates");
    }

    static HttpResponse error(int status, int code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ErrorCode", code);
        m.put("Message", message);
        return HttpResponse.json(status, Json.write(m));
    }

    @Override
    public HttpResponse error(int status) {
        switch (status) {
            case 401:
                return error(
                        401,
                        10,
                        "The Server Token you provided in the X-Postmark-Server-Token request header was invalid."
                                + " Please verify that you are using a valid token.");
            case 422:
                return error(422, 300, "Invalid email request");
            case 500:
                return error(500, 0, "Internal Server Error");
            case 503:
                return error(503, 0, "Service Unavailable");
            default:
                return error(status, 0, HttpResponse.reason(status));
        }
    }

    @Override
    public HttpResponse rateLimited(Duration retryAfter) {
        return error(429, 0, "Rate limit exceeded. Please slow down your requests.")
                .header("Retry-After", Long.toString(retryAfter.toSeconds()));
    }

    @Override
    public List<String> transcriptHeaders() {
        return List.of("X-Postmark-Server-Token", "Content-Type", "Accept", "User-Agent");
    }

    @Override
    public ApiOutcome read(HttpRequest request) {
        ApiOutcome out = new ApiOutcome();
        Object doc;
        try {
            doc = Json.parse(request.bodyText());
            out.flatten("", doc);
        } catch (Json.JsonException e) {
            doc = null;
        }
        collectRecipients(doc, out);
        if (!request.method().equals("POST")) {
            return out.refuse(error(405, 0, "The request method is not supported for this resource."));
        }
        String token = request.header("X-Postmark-Server-Token");
        if (token == null || token.isBlank()) {
            return out.refuse(error(
                    401,
                    10,
                    "No Account or Server API tokens were supplied in the HTTP headers. Please add a"
                            + " header for either X-Postmark-Server-Token or X-Postmark-Account-Token."));
        }
        if (credentials.get().postmarkServerToken() != null
                && !credentials.get().postmarkServerToken().equals(token)) {
            return out.refuse(error(401));
        }
        if (doc == null) {
            return out.refuse(error(422, 402, "Received invalid JSON input."));
        }
        String path = request.path().endsWith("/")
                ? request.path().substring(0, request.path().length() - 1)
                : request.path();
        boolean template = path.endsWith("withTemplate") || path.endsWith("WithTemplates");
        if (path.equals("/email") || path.equals("/email/withTemplate")) {
            if (!(doc instanceof Map)) {
                return out.refuse(error(422, 402, "Received invalid JSON input."));
            }
            Result r = message(asMap(doc), template, request);
            if (r.error != null) {
                return out.refuse(r.error);
            }
            out.messages.add(r.message);
            out.success = HttpResponse.json(200, Json.write(r.reply));
            return out;
        }
        List<?> batch;
        if (path.equals("/email/batchWithTemplates")) {
            if (!(doc instanceof Map<?, ?> m) || !(m.get("Messages") instanceof List<?> l)) {
                return out.refuse(
                        error(422, 300, "Invalid 'Messages' value: an array of templated messages is required."));
            }
            batch = l;
        } else {
            if (!(doc instanceof List<?> l)) {
                return out.refuse(error(422, 402, "Received invalid JSON input."));
            }
            batch = l;
        }
        if (batch.size() > MAX_BATCH) {
            return out.refuse(
                    error(422, 300, "Too many messages: a batch may hold at most " + MAX_BATCH + " messages."));
        }
        List<Object> replies = new ArrayList<>();
        for (Object item : batch) {
            if (!(item instanceof Map)) {
                replies.add(Json.parseQuietly(
                        Json.write(Map.of("ErrorCode", 402, "Message", "Received invalid JSON input."))));
                continue;
            }
            Result r = message(asMap(item), template, request);
            if (r.error != null) {
                Object body = Json.parseQuietly(r.error.bodyText());
                replies.add(body);
            } else {
                out.messages.add(r.message);
                replies.add(r.reply);
            }
        }
        out.success = HttpResponse.json(200, Json.write(replies));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static void collectRecipients(Object doc, ApiOutcome out) {
        List<Object> items = new ArrayList<>();
        if (doc instanceof Map<?, ?> m && m.get("Messages") instanceof List<?> l) {
            items.addAll(l);
        } else if (doc instanceof List<?> l) {
            items.addAll(l);
        } else if (doc != null) {
            items.add(doc);
        }
        for (Object item : items) {
            if (item instanceof Map<?, ?> m) {
                for (String f : List.of("To", "Cc", "Bcc")) {
                    if (m.get(f) instanceof String s) {
                        for (String a : EmailAddresses.split(s)) {
                            MimeBuilder.Address addr = EmailAddresses.parse(a);
                            out.recipients.add(addr == null ? a : addr.email());
                        }
                    }
                }
            }
        }
    }

    private static final class Result {
        HttpResponse error;
        ApiMessage message;
        Map<String, Object> reply;
    }

    private static Result refused(String message) {
        Result r = new Result();
        r.error = error(422, 300, message);
        return r;
    }

    private Result message(Map<String, Object> m, boolean template, HttpRequest request) {
        try {
            return messageChecked(m, template, request);
        } catch (JsonFields.WrongType e) {
            return refused("Invalid email request: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private Result messageChecked(Map<String, Object> m, boolean template, HttpRequest request)
            throws JsonFields.WrongType {
        String fromText = JsonFields.string(m, "From");
        if (fromText == null || fromText.isBlank()) {
            return refused("Invalid 'From' address: ''.");
        }
        MimeBuilder.Address from = EmailAddresses.parse(fromText);
        if (from == null) {
            return refused("Invalid 'From' address: '" + fromText + "'.");
        }
        List<MimeBuilder.Address> to = new ArrayList<>();
        List<MimeBuilder.Address> cc = new ArrayList<>();
        List<MimeBuilder.Address> bcc = new ArrayList<>();
        for (Object[] f : new Object[][] {{"To", to}, {"Cc", cc}, {"Bcc", bcc}}) {
            String text = JsonFields.string(m, (String) f[0]);
            if (text == null) {
                continue;
            }
            for (String a : EmailAddresses.split(text)) {
                MimeBuilder.Address addr = EmailAddresses.parse(a);
                if (addr == null) {
                    return refused("Invalid '" + f[0] + "' address: '" + a + "'.");
                }
                ((List<MimeBuilder.Address>) f[1]).add(addr);
            }
        }
        if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
            return refused("Zero recipients specified");
        }
        if (to.size() + cc.size() + bcc.size() > MAX_RECIPIENTS) {
            return refused("Too many recipients: a message may have at most " + MAX_RECIPIENTS
                    + " recipients (To, Cc and Bcc).");
        }
        List<MimeBuilder.Address> replyTo = new ArrayList<>();
        String replyText = JsonFields.string(m, "ReplyTo");
        if (replyText != null && !replyText.isBlank()) {
            for (String a : EmailAddresses.split(replyText)) {
                MimeBuilder.Address addr = EmailAddresses.parse(a);
                if (addr == null) {
                    return refused("Invalid 'ReplyTo' address: '" + a + "'.");
                }
                replyTo.add(addr);
            }
        }
        String subject = JsonFields.string(m, "Subject");
        String text = JsonFields.string(m, "TextBody");
        String html = JsonFields.string(m, "HtmlBody");
        String templateId = null;
        Map<String, Object> model = Map.of();
        if (template) {
            Object id = m.get("TemplateId");
            String alias = JsonFields.string(m, "TemplateAlias");
            if ((id == null || id == Json.NULL) && alias == null) {
                return refused("Either TemplateId or TemplateAlias must be specified.");
            }
            if (id != null && id != Json.NULL && !(id instanceof BigDecimal)) {
                return refused("Invalid 'TemplateId' value: an integer is required.");
            }
            templateId = id instanceof BigDecimal b ? b.toPlainString() : alias;
            Object tm = m.get("TemplateModel");
            if (tm == null || tm == Json.NULL) {
                return refused("The 'TemplateModel' is required.");
            }
            if (!(tm instanceof Map)) {
                return refused("Invalid 'TemplateModel' value: an object is required.");
            }
            model = (Map<String, Object>) JsonFields.plain(tm);
        } else if ((text == null || text.isEmpty()) && (html == null || html.isEmpty())) {
            return refused("Provide either email TextBody or HtmlBody or both.");
        }
        String tag = JsonFields.string(m, "Tag");
        if (tag != null && tag.length() > 1000) {
            return refused("The 'Tag' may be at most 1000 characters long.");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Object> md = JsonFields.object(m, "Metadata");
        if (md != null) {
            if (md.size() > 10) {
                return refused("Metadata may hold at most 10 fields.");
            }
            for (Map.Entry<String, Object> e : md.entrySet()) {
                if (e.getKey().length() > 20) {
                    return refused("Metadata field names may be at most 20 characters long: '" + e.getKey() + "'.");
                }
                String v = e.getValue() instanceof BigDecimal b
                        ? b.toPlainString()
                        : e.getValue() instanceof String s ? s : null;
                if (v == null) {
                    return refused("Metadata values must be strings or numbers: '" + e.getKey() + "'.");
                }
                if (v.length() > 80) {
                    return refused("Metadata values may be at most 80 characters long: '" + e.getKey() + "'.");
                }
                metadata.put(e.getKey(), v);
            }
        }
        MimeBuilder b = new MimeBuilder();
        b.addresses("From", List.of(from));
        b.addresses("To", to);
        b.addresses("Cc", cc);
        b.addresses("Reply-To", replyTo);
        b.header("Subject", subject == null ? "" : subject);
        b.rawHeader("Date", MimeBuilder.now());
        String messageId = UUID.randomUUID().toString();
        b.rawHeader("Message-ID", "<" + messageId + "@smtpunit.postmark.test>");
        List<Object> headers = JsonFields.array(m, "Headers");
        if (headers != null) {
            for (Object h : headers) {
                Map<String, Object> ho = JsonFields.asObject(h);
                String name = JsonFields.string(ho, "Name");
                String value = JsonFields.string(ho, "Value");
                if (name == null || !name.matches("[!-9;-~]+")) {
                    return refused("Invalid header name: '" + name + "'.");
                }
                b.header(name, value == null ? "" : value);
            }
        }
        b.text(text == null || text.isEmpty() ? null : text);
        b.html(html == null || html.isEmpty() ? null : html);
        List<Object> atts = JsonFields.array(m, "Attachments");
        if (atts != null) {
            for (Object a : atts) {
                Map<String, Object> ao = JsonFields.asObject(a);
                String name = JsonFields.string(ao, "Name");
                String content = JsonFields.string(ao, "Content");
                String type = JsonFields.string(ao, "ContentType");
                String cid = JsonFields.string(ao, "ContentID");
                if (name == null || name.isEmpty()) {
                    return refused("Attachment 'Name' is required.");
                }
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(content == null ? "" : content);
                } catch (IllegalArgumentException e) {
                    return refused("Attachment '" + name + "' content is not valid base64.");
                }
                if (cid != null && cid.startsWith("cid:")) {
                    cid = cid.substring(4);
                }
                b.attach(new MimeBuilder.Part(
                        name, type, bytes, cid != null && !cid.isEmpty(), cid == null || cid.isEmpty() ? null : cid));
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        String stream = JsonFields.string(m, "MessageStream");
        settings.put("MessageStream", stream == null ? "outbound" : stream);
        Boolean trackOpens = JsonFields.bool(m, "TrackOpens");
        if (trackOpens != null) {
            settings.put("TrackOpens", trackOpens.toString());
        }
        String trackLinks = JsonFields.string(m, "TrackLinks");
        if (trackLinks != null) {
            if (!List.of("None", "HtmlAndText", "HtmlOnly", "TextOnly").contains(trackLinks)) {
                return refused("Invalid 'TrackLinks' value: '" + trackLinks + "'.");
            }
            settings.put("TrackLinks", trackLinks);
        }
        if (template) {
            Boolean inline = JsonFields.bool(m, "InlineCss");
            if (inline != null) {
                settings.put("InlineCss", inline.toString());
            }
        }
        List<String> recipients = new ArrayList<>();
        for (List<MimeBuilder.Address> l : List.of(to, cc, bcc)) {
            l.forEach(a -> recipients.add(a.email()));
        }
        Result r = new Result();
        r.message = new ApiMessage(
                Provider.POSTMARK,
                request.client(),
                request.secure(),
                "server-token",
                from.email(),
                List.copyOf(recipients),
                b.build(),
                messageId,
                templateId,
                model,
                tag == null ? List.of() : List.of(tag),
                Map.copyOf(metadata),
                null,
                false,
                Map.copyOf(settings));
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("To", JsonFields.string(m, "To") == null ? "" : JsonFields.string(m, "To"));
        reply.put("SubmittedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        reply.put("MessageID", messageId);
        reply.put("ErrorCode", 0);
        reply.put("Message", "OK");
        r.reply = reply;
        return r;
    }
}
