package dev.smtpunit.cli;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.ReceivedMessage;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
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
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command-line server writes each message to a directory and exports its certificate for other clients. */
class SmtpUnitCliSaveTest {

    @Test
    void writesEachMessageAndItsEnvelopeBeforeReplying(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("mail");
        SmtpUnitCli.Parsed parsed = SmtpUnitCli.parse(new String[] {"--port", "0", "--save-dir", out.toString()});
        try (MockSmtpServer smtp = SmtpUnitCli.start(parsed, new PrintStream(new ByteArrayOutputStream()))) {
            Properties props = smtp.properties();
            props.setProperty("mail.smtp.localhost", "client.test");
            MimeMessage mail = new MimeMessage(Session.getInstance(props));
            mail.setFrom(new InternetAddress("app@example.com"));
            mail.setSubject("saved");
            mail.setText("body");
            Transport.send(mail, InternetAddress.parse("ada@example.com, bob@example.com"));
            ReceivedMessage m = smtp.mailbox().messages().get(0);
            assertThat(Files.readAllBytes(out.resolve("0001.eml"))).isEqualTo(m.rawBytes());
            assertThat(Files.readString(out.resolve("0001.envelope")))
                    .isEqualTo("mail-from: <app@example.com>\n"
                            + "rcpt-to: <ada@example.com>\nrcpt-to: <bob@example.com>\nhelo: client.test\n"
                            + "client: 127.0.0.1:"
                            + m.envelope().clientAddress().getPort() + "\nsession: 1\n"
                            + "received-at: " + m.envelope().receivedAt() + "\nsize: " + m.size() + "\n");
        }
    }

    @Test
    void exportsACertificateThatAClientCanTrust(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("smtpunit.pem");
        SmtpUnitCli.Parsed parsed = SmtpUnitCli.parse(
                new String[] {"--port", "0", "--starttls", "offered", "--export-cert", pem.toString()});
        try (MockSmtpServer smtp = SmtpUnitCli.start(parsed, new PrintStream(new ByteArrayOutputStream()))) {
            assertThat(Files.readString(pem))
                    .startsWith("-----BEGIN CERTIFICATE-----\n")
                    .endsWith("-----END CERTIFICATE-----\n");
            List<Certificate> certs;
            try (InputStream in = Files.newInputStream(pem)) {
                certs = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            }
            assertThat(certs)
                    .containsExactlyElementsOf(List.copyOf(smtp.clientTrust().certificates()));

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("smtpunit", certs.iterator().next());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            Properties props = smtp.properties();
            props.setProperty("mail.smtp.starttls.enable", "true");
            props.setProperty("mail.smtp.starttls.required", "true");
            props.put("mail.smtp.ssl.socketFactory", tls.getSocketFactory());
            MimeMessage mail = new MimeMessage(Session.getInstance(props));
            mail.setFrom(new InternetAddress("app@example.com"));
            mail.setRecipients(Message.RecipientType.TO, "ada@example.com");
            mail.setText("over TLS, trusting the exported certificate");
            Transport.send(mail);
            assertThat(smtp.mailbox().messages())
                    .singleElement()
                    .satisfies(m -> assertThat(m.envelope().tls()).isPresent());
        }
        assertThat(new String(Files.readAllBytes(pem), StandardCharsets.US_ASCII))
                .contains("-----END CERTIFICATE-----");
    }

    @Test
    void refusesToExportACertificateWithoutTls() {
        assertThatThrownBy(() -> SmtpUnitCli.parse(new String[] {"--export-cert", "x.pem"}))
                .hasMessage("--export-cert needs TLS: add --starttls offered (or required) or --smtps-port");
    }
}
