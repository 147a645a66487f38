/**
 * The engine behind {@code dev.smtpunit}: not API, used only by core's API packages and (for
 * {@link dev.smtpunit.internal.Bounded}) the JUnit and AssertJ modules; the architecture test of
 * every module holds that line.
 *
 * <h2>The path of one command line</h2>
 *
 * <pre>
 *  socket ── Listener (accept) ── ConnectionThreads ── SmtpConnection.run: open, loop, finish
 *                                                        │  Wire: the input and output buffers
 *                                                        │  TlsUpgrade / TlsMaterial: SMTPS, STARTTLS
 *                                                        ▼
 *  SmtpConnection.processInput: one line per LF, by mode ── DATA  → DataReceiver (dot-stuffed content)
 *                                                        ├─ CHUNK → ChunkTransfer (BDAT octets)
 *                                                        ▼
 *  Commands.line   CommandText.decode ─ LineRules.check (framing: CRLF, octets, length)
 *                  ├─ an AUTH challenge answer → AuthCommand.Continuation → sasl.Sasl* (PLAIN, LOGIN,
 *                  │                             CRAM-MD5, XOAUTH2/OAUTHBEARER)
 *                  ├─ BDAT (CHUNKING on)       → ChunkTransfer.begin (BdatCommand.parse)
 *                  ├─ MAIL, RCPT               → PathSyntax.parseCommand, CommandChecks.checkParameters
 *                  ├─ SessionPolicy.beforeCommand (EHLO first, STARTTLS and AUTH required, order)
 *                  ├─ the fault rules          → FaultPlayer (reply, close, stall, delay...)
 *                  └─ ProtocolChain.dispatch   → the command table below
 *                                              → SmtpConnection.james: Outcome → the reply on the Wire,
 *                                                recorded through Recorder into the Transcript
 *  end of content  MessageAssembly (bare CR/LF, size, 8-bit headers) ─ ReceiverGate (lint, profile)
 *                  ─ Recorder.store into the Mailbox ─ 250
 * </pre>
 *
 * <h2>The command table: who answers each command</h2>
 *
 * <table>
 *   <caption>Commands and their handlers</caption>
 *   <tr><th>Command</th><th>Answered by</th><th>Specification</th></tr>
 *   <tr><td>EHLO, HELO</td><td>{@code JamesCommands.Ehlo}, {@code .Helo}; {@code Extensions} adjusts the keywords</td>
 *       <td>RFC 5321 4.1.1.1</td></tr>
 *   <tr><td>MAIL</td><td>{@code MailCommand} ({@code SizeExtension}: SIZE)</td><td>RFC 5321 4.1.1.2, RFC 1870</td></tr>
 *   <tr><td>RCPT</td><td>{@code RcptCommand}</td><td>RFC 5321 4.1.1.3</td></tr>
 *   <tr><td>DATA</td><td>{@code DataCommand}, then {@code DataReceiver}</td><td>RFC 5321 4.1.1.4</td></tr>
 *   <tr><td>BDAT</td><td>{@code ChunkTransfer} before the chain, when CHUNKING is on (otherwise the
 *       unknown-command handler)</td><td>RFC 3030</td></tr>
 *   <tr><td>RSET, NOOP, EXPN</td><td>James' {@code RsetCmdHandler}, {@code NoopCmdHandler},
 *       {@code ExpnCmdHandler}</td><td>RFC 5321 4.1.1.5, 4.1.1.9, 4.1.1.7</td></tr>
 *   <tr><td>VRFY, HELP</td><td>{@code InfoCommands}</td><td>RFC 5321 4.1.1.6 (252: 3.5.3), 4.1.1.8</td></tr>
 *   <tr><td>QUIT</td><td>{@code JamesCommands.Quit}</td><td>RFC 5321 4.1.1.10</td></tr>
 *   <tr><td>STARTTLS</td><td>James' {@code StartTlsCmdHandler}; {@code TlsUpgrade} does the handshake</td>
 *       <td>RFC 3207</td></tr>
 *   <tr><td>AUTH</td><td>{@code AuthCommand} and the {@code Sasl*} exchanges</td><td>RFC 4954</td></tr>
 *   <tr><td>anything else</td><td>{@code JamesCommands.Unknown}: 500, command unrecognized</td>
 *       <td>RFC 5321 4.2.4</td></tr>
 * </table>
 *
 * <h2>The rooms</h2>
 * James adapters ({@code ProtocolChain}, {@code JamesCommands}, {@code Utf8Session},
 * {@code ServerConfiguration}, {@code ConnectionTransport}, {@code NoopMetricFactory},
 * {@code QuietSlf4j}); the session ({@code SmtpConnection}, {@code Commands}, {@code SessionPolicy},
 * {@code Transaction}, {@code SessionInfo}, {@code Wire}, {@code Watchdog}, {@code LineDeadline});
 * syntax ({@code CommandText}, {@code LineRules}, {@code PathSyntax}, {@code ParameterValues},
 * {@code CommandChecks}, {@code CommandArgs}); SASL (the sub-package {@code sasl}: {@code SaslExchange} and its mechanisms, a leaf that
 * knows only the API); TLS
 * ({@code TlsMaterial}, {@code SelfSignedCertificate}, {@code TlsUpgrade}); MIME views of a stored
 * message ({@code MimeView}, {@code MimeParts}, {@code JakartaParser}, {@code JakartaMessages},
 * {@code HeaderOctets}); sub-packages {@code lint} (the mail lint, and the raw MIME model DKIM
 * shares), {@code dkim}, {@code html} and {@code http} (the provider HTTP APIs).
 */
package dev.smtpunit.internal;
