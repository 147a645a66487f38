package dev.smtpunit.spring.internal;

import com.sendgrid.Client;
import com.sendgrid.SendGrid;
import dev.smtpunit.MockProviderApis;
import org.apache.http.impl.NoConnectionReuseStrategy;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Points every {@code com.sendgrid.SendGrid} bean that would reach SendGrid's servers (Spring Boot's
 * auto-configured one from {@code spring.sendgrid.api-key}, or one the application defines) at the
 * context's provider APIs. The SDK has no way to change a client's HTTP client and always speaks
 * HTTPS, and Boot has no host property, so the bean is rebuilt: a {@code SendGrid} on an HTTP client
 * that trusts exactly the test server's certificate and opens a connection
 * per call, its host the APIs' HTTPS port, with the original's request headers (its {@code Authorization}, so its API key, and
 * every header the application added), API version, rate-limit retry settings and impersonated
 * subuser. A proxy the original was configured with is not used: the APIs are on 127.0.0.1.
 *
 * <p>Beans whose host is not SendGrid's (a client the application already points at a stub, a Mockito
 * mock) are left alone. A subclass of {@code SendGrid} cannot be rebuilt and fails the context with
 * the reason. Only installed when SendGrid's SDK is on the class path; nothing else in the module
 * refers to its types.
 */
final class SendGridRedirect implements BeanPostProcessor {
    /** The hosts of SendGrid's regions ({@code setDataResidency}: global and eu). */
    private static final Set<String> SENDGRID_HOSTS = Set.of("api.sendgrid.com", "api.eu.sendgrid.com");

    private final ContextProviderApis apis;

    private SendGridRedirect(ContextProviderApis apis) {
        this.apis = apis;
    }

    /**
     * Whether the application has SendGrid's SDK and the Apache HTTP client it runs on.
     *
     * @param loader the application's class loader, or null for the default
     * @return whether the post-processor can be installed
     */
    static boolean available(ClassLoader loader) {
        return ClassUtils.isPresent("com.sendgrid.SendGrid", loader)
                && ClassUtils.isPresent("org.apache.http.impl.client.HttpClients", loader);
    }

    /**
     * The post-processor; call only when {@link #available} says so.
     *
     * @param apis the context's provider APIs, started when the first SendGrid bean is met
     * @return the post-processor
     */
    static BeanPostProcessor of(ContextProviderApis apis) {
        return new SendGridRedirect(apis);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof SendGrid original) || !SENDGRID_HOSTS.contains(original.getHost())) {
            return bean;
        }
        if (bean.getClass() != SendGrid.class) {
            throw new BeanCreationException(
                    beanName,
                    "smtpunit-spring points SendGrid beans at the test's provider APIs by"
                            + " rebuilding them, but this one is a "
                            + bean.getClass().getName() + ", a subclass of SendGrid that it"
                            + " cannot rebuild; define the bean as a com.sendgrid.SendGrid, or point it at the test server yourself"
                            + " (setHost and an HTTP client that trusts MockProviderApis.clientTrust())");
        }
        MockProviderApis running = apis.started();
        // a connection per call: each call is an HTTP session of its own in the transcript, which the
        // extension clears before each test (a kept-alive connection would record into a cleared session)
        CloseableHttpClient http = HttpClients.custom()
                .setSSLContext(running.clientTrust().sslContext())
                .setConnectionReuseStrategy(NoConnectionReuseStrategy.INSTANCE)
                .build();
        apis.closeWithContext(http);
        SendGrid moved = new SendGrid("", new Client(http));
        for (String header : List.copyOf(moved.getRequestHeaders().keySet())) {
            moved.removeRequestHeader(header);
        }
        for (Map.Entry<String, String> header : original.getRequestHeaders().entrySet()) {
            moved.addRequestHeader(header.getKey(), header.getValue());
        }
        moved.setVersion(original.getVersion());
        moved.setRateLimitRetry(original.getRateLimitRetry());
        moved.setRateLimitSleep(original.getRateLimitSleep());
        if (original.getImpersonateSubuser() != null) {
            moved.addImpersonateSubuser(original.getImpersonateSubuser());
        }
        moved.setHost(running.secureHostAndPort());
        return moved;
    }

    @Override
    public String toString() {
        return "SendGridRedirect[" + apis.apis() + "]";
    }
}
