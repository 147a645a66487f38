package dev.smtpunit.internal.http;

import java.util.Set;

/**
 * What each API accepts: a SendGrid API key, a Mailgun API key and its sending domains, a Postmark
 * server token, an AWS access key and secret. A null key accepts any well-formed one.
 *
 * @param sendGridApiKey the one SendGrid key accepted, or null for any {@code SG.} key
 * @param mailgunApiKey the one Mailgun key accepted, or null for any
 * @param mailgunDomains the Mailgun domains that exist; empty for any
 * @param postmarkServerToken the one Postmark server token accepted, or null for any
 * @param awsAccessKeyId the AWS access key id
 * @param awsSecretKey the AWS secret key the signatures are checked with
 * @param awsRegion the SES region, such as {@code us-east-1}
 */
public record ApiCredentials(
        String sendGridApiKey,
        String mailgunApiKey,
        Set<String> mailgunDomains,
        String postmarkServerToken,
        String awsAccessKeyId,
        String awsSecretKey,
        String awsRegion) {}
