package dev.smtpunit;

/**
 * An email provider whose HTTP API {@link MockProviderApis} answers.
 *
 * <pre>{@code
 * String url = apis.baseUrl(Provider.POSTMARK);     // http://127.0.0.1:PORT
 * }</pre>
 */
public enum Provider {
    /** SendGrid v3 Mail Send: {@code POST /v3/mail/send}. */
    SENDGRID,
    /** Mailgun: {@code POST /v3/{domain}/messages} and {@code /v3/{domain}/messages.mime}. */
    MAILGUN,
    /** Postmark: {@code POST /email} and {@code /email/batch}. */
    POSTMARK,
    /** Amazon SES v2: {@code POST /v2/email/outbound-emails}, signed with AWS Signature Version 4. */
    SES
}
