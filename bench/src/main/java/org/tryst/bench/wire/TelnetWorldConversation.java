package org.tryst.bench.wire;

import io.netty.buffer.ByteBuf;

/**
 * A player of Tryst's text world over telnet, as a MUD client's user plays it (docs/world.md,
 * "Playing over telnet"): the account's username and password at their prompts, the persona
 * picked by name (or made with {@code new NAME} when the account has none by that name), then the
 * walk to its room, one exit for each room shown. It speaks with {@code say} lines. Every line
 * carrying a payload is a delivery, its own echo ({@code You say, "..."}) too, as a WebSocket
 * player's own {@code world.line} is.
 */
final class TelnetWorldConversation implements Conversation {
    private final String username;
    private final String password;
    private final String personaName;
    private final Walk walk;
    private int usernamePrompts;
    private int personaPrompts;
    /** Rooms are walked through only once the persona is in the world; the login's lines show none. */
    private boolean playing;

    TelnetWorldConversation(String username, String password, String personaName, Walk walk) {
        this.username = username;
        this.password = password;
        this.personaName = personaName;
        this.walk = walk;
    }

    /** The server speaks first, with its greeting and the username prompt. */
    @Override
    public void opened(Link link) {}

    @Override
    public long delivery(ByteBuf line) {
        return Payload.scheduledAt(line);
    }

    @Override
    public void received(String line, Link link) {
        switch (line) {
            case "Username: " -> {
                // Asked again only after a refused login.
                if (++usernamePrompts > 1) link.failed("telnet login refused");
                else link.send(username);
            }
            case "Password: " -> link.send(password);
            case "Persona: " -> persona(link);
            case String room when playing && (room.startsWith("Exits: ") || room.equals("There is no way out.")) -> walk.step(link, exit -> exit);
            case String you when you.equals("You are " + personaName + ".") -> playing = true;
            case String gone when gone.startsWith("Disconnected: ") -> link.failed("telnet: " + gone);
            default -> { }
        }
    }

    /** First by name; when the account has no persona of that name, the server asks again and one is made. */
    private void persona(Link link) {
        switch (++personaPrompts) {
            case 1 -> link.send(personaName);
            case 2 -> link.send("new " + personaName);
            default -> link.failed("telnet: the persona " + personaName + " could be neither picked nor made");
        }
    }

    @Override
    public String publish(String payload) {
        return Walk.say(payload);
    }
}
