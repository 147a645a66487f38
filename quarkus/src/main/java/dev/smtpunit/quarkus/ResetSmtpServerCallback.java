package dev.smtpunit.quarkus;

import dev.smtpunit.MockSmtpServer;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Resets the server of each {@link InjectSmtpServer} field before each test, so that test classes
 * sharing an application never see each other's mail. Registered as a Quarkus test callback.
 */
public final class ResetSmtpServerCallback implements QuarkusTestBeforeEachCallback {

    /** Created by Quarkus. */
    public ResetSmtpServerCallback() {}

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        List<Object> instances = new ArrayList<>(context.getOuterInstances());
        instances.add(context.getTestInstance());
        for (Object instance : instances) {
            for (Class<?> c = instance.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (field.isAnnotationPresent(InjectSmtpServer.class) && field.getType() == MockSmtpServer.class) {
                        reset(field, instance);
                    }
                }
            }
        }
    }

    private static void reset(Field field, Object instance) {
        try {
            field.setAccessible(true);
            MockSmtpServer server = (MockSmtpServer) field.get(instance);
            if (server != null) {
                server.reset();
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read @InjectSmtpServer field " + field.getName() + ": " + e, e);
        }
    }
}
