package dev.smtpunit.cli;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.RawClient;
import dev.smtpunit.ReceivedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command-line server writes each message to a directory and exports its certificate for other clients. */
class SmtpUnitCliSaveTest {

    @Test
    void writesEachMessageAndItsEnvelopeBeforeReplying(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("mail");
        SmtpUnitCli.Parsed parsed = SmtpUnitCli.parse(new String[] {"--port", "0", "--save-dir", out.toString()});
        try (MockSmtpServer smtp = SmtpUnitCli.start(parsed, new PrintStream(new ByteArrayOutputStream()));
                RawClient c = RawClient.connect(smtp)) {
            c.reply();
            c.command("EHLO client.test");
            c.command("MAIL FROM:<app@example.com>");
            c.command("RCPT TO:<ada@example.com>");
            c.command("RCPT TO:<bob@example.com>");
            c.command("DATA");
            assertThat(c.command("Subject: saved\r\n\r\nbody\r\n.")).startsWith("250 ");
            ReceivedMessage m = smtp.mailbox().messages().get(0);
            assertThat(Files.readAllBytes(out.resolve("0001.eml"))).isEqualTo(m.rawBytes());
            assertThat(Files.readString(out.resolve("0001.envelope"))).isEqualTo("mail-from: <app@example.com>\n"
                    + "rcpt-to: <ada@example.com>\nrcpt-to: <bob@example.com>\nhelo: client.test\n"
                    + "client: 127.0.0.1:" + m.envelope().clientAddress().getPort() + "\nsession: 1\n"
                    + "received-at: " + m.envelope().receivedAt() + "\nsize: " + m.size() + "\n");
        }
    }

    @Test
    void exportsACertificateThatAClientCanTrust(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("smtpunit.pem");
        SmtpUnitCli.Parsed parsed = SmtpUnitCli.parse(new String[] {"--port", "0", "--starttls", "offered", "--export-cert",
            pem.toString()});
        try (MockSmtpServer smtp = SmtpUnitCli.start(parsed, new PrintStream(new ByteArrayOutputStream()));
                RawClient c = RawClient.connect(smtp)) {
            assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
            List<Certificate> certs;
            try (InputStream in = Files.newInputStream(pem)) {
                certs = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            }
            assertThat(certs).containsExactlyElementsOf(List.copyOf(smtp.clientTrust().certificates()));

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("smtpunit", certs.iterator().next());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            c.reply();
            c.command("EHLO client.test");
            assertThat(c.command("STARTTLS")).startsWith("220 ");
            c.upgradeToTls(tls.getSocketFactory(), "localhost");
            assertThat(c.command("EHLO client.test")).startsWith("250");
        }
        assertThat(new String(Files.readAllBytes(pem), StandardCharsets.US_ASCII)).contains("-----END CERTIFICATE-----");
    }

    @Test
    void refusesToExportACertificateWithoutTls() {
        assertThatThrownBy(() -> SmtpUnitCli.parse(new String[] {"--export-cert", "x.pem"})).hasMessage(
                "--export-cert needs TLS: add --starttls offered (or required) or --smtps-port");
    }
}
