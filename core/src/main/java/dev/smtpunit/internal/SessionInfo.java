package dev.smtpunit.internal;

import dev.smtpunit.AuthMechanism;

import java.net.InetSocketAddress;

/**
 * The facts of a session that every envelope of that session shares, held once per session (a new
 * one when the client changes its EHLO name or authenticates).
 *
 * @param id the session number on its server
 * @param clientAddress the client's address
 * @param heloName the last EHLO/HELO argument, or empty
 * @param authMechanism the mechanism of the successful AUTH, or null
 */
public record SessionInfo(int id, InetSocketAddress clientAddress, String heloName, AuthMechanism authMechanism) {

    /**
     * A session that has not authenticated.
     *
     * @param id the session number on its server
     * @param clientAddress the client's address
     * @param heloName the last EHLO/HELO argument, or empty
     */
    public SessionInfo(int id, InetSocketAddress clientAddress, String heloName) {
        this(id, clientAddress, heloName, null);
    }

    SessionInfo withHeloName(String name) {
        return name.equals(heloName) ? this : new SessionInfo(id, clientAddress, name, authMechanism);
    }

    SessionInfo withAuthMechanism(AuthMechanism mechanism) {
        return mechanism == authMechanism ? this : new SessionInfo(id, clientAddress, heloName, mechanism);
    }
}
