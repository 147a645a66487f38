package dev.smtpunit.internal.http;

import dev.smtpunit.Provider;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One message an accepted API call makes, before it becomes a {@code ReceivedMessage}.
 *
 * @param provider the API
 * @param client the client's address
 * @param secure whether the call came over HTTPS
 * @param user who authenticated (API key masked), for the envelope
 * @param sender the envelope sender
 * @param recipients every recipient, BCC included
 * @param mime the message
 * @param messageId the id the API replied with
 * @param templateId the template, or null
 * @param templateData the template data
 * @param tags tags or categories
 * @param metadata custom data
 * @param scheduledAt the scheduled time, or null
 * @param sandbox whether sandbox or test mode was asked for
 * @param settings other delivery settings
 */
public record ApiMessage(
        Provider provider,
        InetSocketAddress client,
        boolean secure,
        String user,
        String sender,
        List<String> recipients,
        byte[] mime,
        String messageId,
        String templateId,
        Map<String, Object> templateData,
        List<String> tags,
        Map<String, String> metadata,
        Instant scheduledAt,
        boolean sandbox,
        Map<String, String> settings) {}
