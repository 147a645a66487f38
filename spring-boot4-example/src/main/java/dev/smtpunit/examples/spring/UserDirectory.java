package dev.smtpunit.examples.spring;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.NoSuchElementException;

/** Finds users by id; a fixed set here, a database in a real application. */
@Component
public class UserDirectory {
    private final Map<String, User> users = Map.of(
            "ada", new User("ada", "Ada", "ada@example.com"),
            "grace", new User("grace", "Grace", "grace@example.com"));

    /**
     * The user with the given id.
     *
     * @param id the id
     * @return the user
     * @throws NoSuchElementException when there is none
     */
    public User find(String id) {
        User user = users.get(id);
        if (user == null) {
            throw new NoSuchElementException("no user " + id);
        }
        return user;
    }
}
