package dev.smtpunit.internal;

import dev.smtpunit.MockSmtpServer;
import dev.smtpunit.SmtpServerOptions;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TlsIdentityTest {

    @Test
    void generatesOneCertificateForLocalhostAndLoopback() throws Exception {
        X509Certificate cert = SelfSignedCertificate.shared().certificate();
        assertThat(SelfSignedCertificate.shared().certificate()).isSameAs(cert);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        List<Object> names = cert.getSubjectAlternativeNames().stream()
                .map(l -> (Object) l.get(1))
                .toList();
        assertThat(names).containsExactly("localhost", "127.0.0.1");
        cert.checkValidity();
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void presentsAUserSuppliedIdentity() throws Exception {
        SelfSignedCertificate own = SelfSignedCertificate.generate();
        SmtpServerOptions options = SmtpServerOptions.builder()
                .implicitTls(0)
                .tlsIdentity(own.keyPair().getPrivate(), own.certificate())
                .build();
        try (MockSmtpServer smtp = MockSmtpServer.started(options)) {
            assertThat(smtp.clientTrust().certificates()).containsExactly(own.certificate());
            try (SSLSocket socket =
                    (SSLSocket) smtp.clientTrust().socketFactory().createSocket(smtp.host(), smtp.smtpsPort())) {
                socket.setSoTimeout(5000);
                socket.startHandshake();
                List<Object> presented = List.of((Object[]) socket.getSession().getPeerCertificates());
                assertThat(presented).containsExactly(own.certificate());
                assertThat(new String(socket.getInputStream().readNBytes(4))).isEqualTo("220 ");
            }
            smtp.mailbox().assertNoMessageWithin(Duration.ofMillis(1));
        }
    }
}
