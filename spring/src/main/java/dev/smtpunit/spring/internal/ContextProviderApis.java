package dev.smtpunit.spring.internal;

import dev.smtpunit.MockProviderApis;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The provider HTTP APIs of one application context, beside its SMTP server: not started until a
 * client needs them (a SendGrid bean to point at them, or a {@code MockProviderApis} test parameter),
 * so that a context without such clients binds no HTTP port. Stopped with the context, together with
 * the HTTP clients made to reach them.
 */
final class ContextProviderApis implements AutoCloseable {
    /** The bean name of the context's provider APIs holder. */
    static final String BEAN_NAME = "smtpUnitProviderApis";

    private final MockProviderApis apis;
    private final List<Closeable> clients = new CopyOnWriteArrayList<>();

    ContextProviderApis(MockProviderApis apis) {
        this.apis = apis;
    }

    /** {@return the APIs, running or not} */
    MockProviderApis apis() {
        return apis;
    }

    /** {@return the APIs, started now if nothing has started them yet} */
    MockProviderApis started() {
        // the same monitor as MockProviderApis.start(), which the JUnit extension also takes
        synchronized (apis) {
            if (!apis.isRunning()) {
                apis.start();
            }
        }
        return apis;
    }

    /** Closes the client when the context closes, before the APIs stop. */
    void closeWithContext(Closeable client) {
        clients.add(client);
    }

    @Override
    public void close() {
        try {
            for (Closeable c : clients) {
                try {
                    c.close();
                } catch (IOException e) {
                    // a client that cannot close its idle connections loses nothing: the APIs stop next
                }
            }
        } finally {
            apis.close();
        }
    }
}
