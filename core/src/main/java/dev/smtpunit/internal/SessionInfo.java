package dev.smtpunit.internal;

import java.net.InetSocketAddress;

/**
 * The facts of a session that every envelope of that session shares, held once per session (a new
 * one when the client changes its EHLO name).
 *
 * @param id the session number on its server
 * @param clientAddress the client's address
 * @param heloName the last EHLO/HELO argument, or empty
 */
public record SessionInfo(int id, InetSocketAddress clientAddress, String heloName) {
    SessionInfo withHeloName(String name) {
        return name.equals(heloName) ? this : new SessionInfo(id, clientAddress, name);
    }
}
