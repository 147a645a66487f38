/**
 * The SASL mechanisms of AUTH (RFC 4954): {@link dev.smtpunit.internal.sasl.SaslExchange} turns
 * each client response into the next step, with one subclass per mechanism (PLAIN, LOGIN,
 * CRAM-MD5, XOAUTH2 and OAUTHBEARER). A leaf: it knows the API's options and nothing else of the
 * engine; {@code AuthCommand} drives it.
 */
package dev.smtpunit.internal.sasl;
