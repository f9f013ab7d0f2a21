package org.tryst.telnet;

import static org.assertj.core.api.Assertions.assertThat;

import org.tryst.TestServer;

/** Steps every telnet test takes: an account made over HTTP, then logged in and playing over telnet. */
final class Players {
    private Players() {}

    /** Logs in on the client and makes a first persona; the client is then in the starting room. */
    static String playAsNew(TelnetClient client, TestServer.User user, String base) {
        logIn(client, user);
        client.expect("Persona: ");
        String persona = TestServer.uniqueName(base);
        client.send(persona);
        client.expect("You are " + persona + ".");
        client.expect("The Courtyard");
        client.expect("Exits:");
        return persona;
    }

    /** Answers the username and password prompts, and checks that the password was typed unseen. */
    static void logIn(TelnetClient client, TestServer.User user) {
        client.expect("Username: ");
        client.send(user.username());
        client.expect("Password: ");
        assertThat(client.negotiated("WILL " + Telnet.ECHO)).as("the server hides the password").isTrue();
        client.send(user.password());
        assertThat(client.negotiated("WONT " + Telnet.ECHO)).as("the server shows typing again").isTrue();
        client.expect("Hello, " + user.username() + ".");
    }
}
