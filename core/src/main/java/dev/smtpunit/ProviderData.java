package dev.smtpunit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a provider API call said about a message beyond its MIME content: which provider, the message
 * id the provider replied with, the template and its data, tags (SendGrid categories, Mailgun
 * {@code o:tag}, the Postmark {@code Tag}), custom data (SendGrid {@code custom_args}, Mailgun
 * {@code v:} variables, Postmark {@code Metadata}, SES email tags), the scheduled time and the
 * sandbox (test mode) flag. Immutable.
 *
 * <pre>{@code
 * ProviderData api = mail.providerData().orElseThrow();
 * assertEquals(Provider.SENDGRID, api.provider());
 * assertEquals(List.of("welcome"), api.tags());
 * }</pre>
 */
public final class ProviderData {
    private final Provider provider;
    private final String messageId;
    private final String templateId;
    private final Map<String, Object> templateData;
    private final List<String> tags;
    private final Map<String, String> metadata;
    private final Instant scheduledAt;
    private final boolean sandbox;
    private final Map<String, String> settings;

    ProviderData(
            Provider provider,
            String messageId,
            String templateId,
            Map<String, Object> templateData,
            List<String> tags,
            Map<String, String> metadata,
            Instant scheduledAt,
            boolean sandbox,
            Map<String, String> settings) {
        this.provider = provider;
        this.messageId = messageId;
        this.templateId = templateId;
        this.templateData = templateData;
        this.tags = tags;
        this.metadata = metadata;
        this.scheduledAt = scheduledAt;
        this.sandbox = sandbox;
        this.settings = settings;
    }

    /** {@return the provider whose API accepted the message} */
    public Provider provider() {
        return provider;
    }

    /**
     * {@return the message id the API replied with (SendGrid's {@code X-Message-Id}, Mailgun's
     *     {@code id}, Postmark's {@code MessageID}, SES's {@code MessageId})}
     */
    public String messageId() {
        return messageId;
    }

    /** {@return the template the call named (SendGrid {@code template_id}, Mailgun {@code template}, Postmark {@code TemplateId} or {@code TemplateAlias}, SES template name or ARN)} */
    public Optional<String> templateId() {
        return Optional.ofNullable(templateId);
    }

    /**
     * {@return the template data as sent: JSON objects as maps, arrays as lists, numbers as
     *     {@link java.math.BigDecimal}, strings and booleans as such; empty without a template}
     */
    public Map<String, Object> templateData() {
        return templateData;
    }

    /** {@return the tags or categories, in the order sent} */
    public List<String> tags() {
        return tags;
    }

    /** {@return the custom data attached to the message, in the order sent} */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** {@return when the call asked the message to be delivered (SendGrid {@code send_at}, Mailgun {@code o:deliverytime})} */
    public Optional<Instant> scheduledAt() {
        return Optional.ofNullable(scheduledAt);
    }

    /** {@return whether the call asked for sandbox or test mode (SendGrid {@code sandbox_mode}, Mailgun {@code o:testmode})} */
    public boolean sandbox() {
        return sandbox;
    }

    /**
     * {@return the call's other delivery settings by the provider's own names, such as SendGrid
     *     {@code asm.group_id} or {@code ip_pool_name}, Mailgun {@code o:tracking}, Postmark
     *     {@code MessageStream} or {@code TrackOpens}, SES {@code ConfigurationSetName}}
     */
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "ProviderData[" + provider + ", id=" + messageId + (templateId == null ? "" : ", template=" + templateId)
                + (tags.isEmpty() ? "" : ", tags=" + tags) + (metadata.isEmpty() ? "" : ", metadata=" + metadata)
                + (scheduledAt == null ? "" : ", scheduledAt=" + scheduledAt) + (sandbox ? ", sandbox" : "")
                + (settings.isEmpty() ? "" : ", settings=" + settings) + "]";
    }
}
