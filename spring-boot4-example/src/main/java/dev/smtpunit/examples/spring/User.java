package dev.smtpunit.examples.spring;

/**
 * A user of the application.
 *
 * @param id the user's id
 * @param name the name to greet
 * @param email where mail goes
 */
public record User(String id, String name, String email) {}
