package org.tryst.telnet;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.accounts.Accounts;
import org.tryst.gateway.Wiring;
import org.tryst.personas.Persona;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.telnet.Text.Tone;

/**
 * What each typed line means, from the username prompt to playing: login through the same
 * accounts code as the HTTP API, a persona picked or made, then every line a request to the same
 * dispatcher as the WebSocket's, past the same policy. Only the gateway's own commands are read
 * here ({@code QUIT}, {@code @persona}, the {@code +channel} lines, {@code help scenes}); the world's
 * commands go to the world as typed. Runs on the connection's virtual thread, one line at a time.
 */
final class Player {
    private static final Logger log = LoggerFactory.getLogger(Player.class);
    /** Wrong passwords one connection may try before it is closed; the login throttle counts them too. */
    static final int WRONG_PASSWORDS = 3;
    private static final long ASK_SECONDS = 30;

    private enum Step { USERNAME, PASSWORD, CODE, PERSONA, PLAYING }

    /** What the player needs of the connection's telnet side, which lives on the event loop. */
    interface Terminal {
        /** Asks the client to stop (true) or start (false) showing what is typed, for the password. */
        void hideTyping(boolean hide);

        /** The client's name for the session's user agent, e.g. "telnet (Mudlet 4.17.2)". */
        String userAgent();

        /** The login succeeded: stop the login deadline, and count lines against the account from now. */
        void loggedIn();

        /** A prompt waits for input: a go-ahead when the client wants one, so that it can show the prompt. */
        void prompted();
    }

    private final Wiring wiring;
    private final TelnetConnection connection;
    private final Terminal terminal;
    private final String address;
    private final String greeting;
    private final AtomicLong ids = new AtomicLong();
    private Step step = Step.USERNAME;
    private String username;
    private int wrongPasswords;
    private List<Persona> personas = List.of();
    private Persona playing;
    /** The log-in waiting for its second factor, between the password and the code. */
    private String pending;

    Player(Wiring wiring, TelnetConnection connection, Terminal terminal, String address, String name) {
        this.wiring = wiring;
        this.connection = connection;
        this.terminal = terminal;
        this.address = address;
        this.greeting = "Welcome to " + name + ". Log in with your account (make one with the web client first).";
    }

    /** The first words: the greeting and the username prompt. */
    void start() {
        connection.say(Tone.TITLE, greeting);
        prompt("Username: ");
    }

    /** One line the user typed. */
    void line(String line) {
        switch (step) {
            case USERNAME -> username(line);
            case PASSWORD -> password(line);
            case CODE -> code(line);
            case PERSONA -> pick(line);
            case PLAYING -> play(line);
        }
    }

    private void username(String line) {
        if (line.isBlank()) {
            prompt("Username: ");
            return;
        }
        // PennMUSH's word for leaving, in capitals as there, so that an account named "quit" can still log in.
        if (line.strip().equals("QUIT")) {
            connection.say("Goodbye.");
            connection.close(null, 0, null);
            return;
        }
        username = line.strip();
        step = Step.PASSWORD;
        terminal.hideTyping(true);
        prompt("Password: ");
    }

    private void password(String password) {
        terminal.hideTyping(false);
        connection.say("");
        try {
            switch (wiring.accounts().login(username, password, address, terminal.userAgent())) {
                case Accounts.Login login -> loggedIn(login);
                case Accounts.SecondFactorNeeded waiting -> {
                    pending = waiting.pending();
                    step = Step.CODE;
                    prompt("Code from your authenticator app (or a recovery code): ");
                }
            }
        } catch (ProtocolException refused) {
            log.atInfo().addKeyValue("connection", connection.logId()).addKeyValue("error", refused.code().wire()).log("telnet login refused");
            wiring.metrics().error(refused.code());
            refusedLogin(refused);
        } finally {
            username = null;
        }
    }

    /** The second step of a log-in: one code; a wrong one ends the connection, as the web's second step would take it again. */
    private void code(String code) {
        connection.say("");
        try {
            loggedIn(wiring.accounts().secondStep(pending, code.strip(), address));
        } catch (ProtocolException refused) {
            log.atInfo().addKeyValue("connection", connection.logId()).addKeyValue("error", refused.code().wire()).log("telnet login refused");
            wiring.metrics().error(refused.code());
            String sentence = TextRenderer.sentence(ServerMessage.Error.of(null, refused));
            connection.close(null, 0, sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence);
        } finally {
            pending = null;
        }
    }

    private void refusedLogin(ProtocolException refused) {
        String sentence = TextRenderer.sentence(ServerMessage.Error.of(null, refused));
        if (refused.code() == ErrorCode.INVALID_CREDENTIALS && ++wrongPasswords < WRONG_PASSWORDS) {
            connection.say(Tone.PROBLEM, sentence);
            step = Step.USERNAME;
            prompt("Username: ");
        } else if (refused.code() == ErrorCode.INVALID_CREDENTIALS) {
            connection.say(Tone.PROBLEM, sentence);
            connection.close(null, 0, "too many wrong passwords");
        } else {
            // Throttled, suspended or banned: said as the API says it, and the connection ends.
            connection.close(null, 0, sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence);
        }
    }

    private void loggedIn(Accounts.Login login) {
        connection.caller(wiring.delivery().open(connection, login.account().id(), login.issued().session().id(), address));
        terminal.loggedIn();
        log.atInfo().addKeyValue("connection", connection.logId()).log("telnet logged in");
        connection.say(Tone.TITLE, "Hello, " + login.account().username() + ".");
        wiring.enforcement().welcomed(connection.caller());
        try {
            wiring.age().requireVerified(login.account().id());
        } catch (ProtocolException unverified) {
            // Verifying takes a browser: said once, plainly, rather than refusing every line after.
            wiring.metrics().error(unverified.code());
            String sentence = TextRenderer.sentence(ServerMessage.Error.of(null, unverified));
            connection.close(null, 0, sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence);
            return;
        }
        step = Step.PERSONA;
        menu();
    }

    private void menu() {
        personas = wiring.personas().of(connection.caller().accountId());
        if (personas.isEmpty()) {
            connection.say("You have no persona yet: type a name (2 to 32 letters) to make one.");
        } else {
            connection.say("Play as which persona? Type its number or name, or new NAME to make another:");
            connection.send(new ServerMessage.Personas(null, personas.stream().map(Persona::view).toList()));
        }
        prompt("Persona: ");
    }

    private void pick(String line) {
        String choice = line.strip();
        if (choice.isEmpty()) {
            prompt("Persona: ");
            return;
        }
        Persona chosen = chosen(choice);
        if (chosen == null && (personas.isEmpty() || choice.toLowerCase(Locale.ROOT).startsWith("new "))) {
            chosen = create(personas.isEmpty() ? choice : choice.substring(4).strip());
            if (chosen == null) {
                prompt("Persona: ");
                return;
            }
        } else if (chosen == null) {
            connection.say(Tone.PROBLEM, "You have no persona called " + Text.printable(choice) + ".");
            prompt("Persona: ");
            return;
        }
        enter(chosen);
    }

    /** The persona a choice names, by number or by name in any case; null when none. */
    private Persona chosen(String choice) {
        if (choice.matches("[0-9]{1,3}")) {
            int number = Integer.parseInt(choice);
            return number >= 1 && number <= personas.size() ? personas.get(number - 1) : null;
        }
        return personas.stream().filter(persona -> persona.name().equalsIgnoreCase(choice)).findFirst().orElse(null);
    }

    private Persona create(String name) {
        ServerMessage reply = ask(() -> new ClientMessage.PersonaCreate(nextId(), name, null, null, null));
        if (reply instanceof ServerMessage.PersonaInfo info) {
            connection.say("You made " + Text.printable(info.persona().name()) + ".");
            return wiring.personas().owned(connection.caller().accountId(), info.persona().id());
        }
        connection.send(reply);
        return null;
    }

    /** Goes online as the persona on this connection and enters the world as it. */
    private void enter(Persona persona) {
        ServerMessage inUse = ask(() -> new ClientMessage.PersonaUse(nextId(), persona.id()));
        if (!(inUse instanceof ServerMessage.PersonaInUse)) {
            connection.send(inUse);
            prompt("Persona: ");
            return;
        }
        playing = persona;
        step = Step.PLAYING;
        connection.viewer(connection.viewer().as(persona.id()));
        connection.gmcp(Gmcp.charName(persona.name()));
        connection.say(Tone.TITLE, "You are " + Text.printable(persona.name()) + ".");
        connection.say(Tone.QUIET, "Type help for the world's commands, +channels for public channels, @persona to change, QUIT to leave.");
        request(() -> new ClientMessage.WorldEnter(nextId(), persona.id()));
    }

    private void play(String line) {
        String command = line.strip();
        if (command.isEmpty()) return;
        String lower = command.toLowerCase(Locale.ROOT);
        if (lower.equals("quit")) {
            connection.say("Goodbye.");
            connection.close(null, 0, null);
        } else if (lower.equals("@persona") || lower.startsWith("@persona ")) {
            switchPersona(command.substring("@persona".length()).strip());
        } else if (lower.equals("help scenes") || lower.equals("help scene")) {
            connection.say(TextRenderer.SCENES_HELP);
        } else if (command.startsWith("+")) {
            channel(command.substring(1));
        } else {
            request(() -> new ClientMessage.WorldCommand(nextId(), playing.id(), command));
        }
    }

    private void switchPersona(String choice) {
        if (choice.isEmpty()) {
            step = Step.PERSONA;
            menu();
            return;
        }
        personas = wiring.personas().of(connection.caller().accountId());
        Persona chosen = chosen(choice);
        if (chosen == null) {
            connection.say(Tone.PROBLEM, "You have no persona called " + Text.printable(choice) + ".");
            return;
        }
        if (chosen.id().equals(playing.id())) {
            connection.say("You are " + Text.printable(chosen.name()) + " already.");
            return;
        }
        ask(() -> new ClientMessage.WorldLeave(nextId(), playing.id()));
        enter(chosen);
    }

    /** {@code +channels}, {@code +join NAME}, {@code +leave NAME}, {@code +NAME text} and {@code +NAME :pose}. */
    private void channel(String rest) {
        int space = rest.indexOf(' ');
        String word = space < 0 ? rest : rest.substring(0, space);
        String argument = space < 0 ? "" : rest.substring(space + 1).strip();
        switch (word.toLowerCase(Locale.ROOT)) {
            case "channels" -> request(() -> new ClientMessage.ChannelList(nextId()));
            case "join" -> request(() -> new ClientMessage.ChannelJoin(nextId(), playing.id(), argument));
            case "leave" -> {
                ServerMessage reply = ask(() -> new ClientMessage.ChannelLeave(nextId(), playing.id(), argument));
                if (reply instanceof ServerMessage.Ok) connection.say("You left [" + argument + "].");
                else connection.send(reply);
            }
            default -> {
                if (argument.isEmpty()) {
                    connection.say(Tone.PROBLEM, "Say what? Type +" + Text.printable(word) + " text, or +" + Text.printable(word) + " :pose.");
                } else if (argument.startsWith(":")) {
                    request(() -> new ClientMessage.Pose(nextId(), playing.id(), word, argument.substring(1).strip()));
                } else {
                    request(() -> new ClientMessage.Say(nextId(), playing.id(), word, argument));
                }
            }
        }
    }

    /** A request whose reply is rendered as it comes, like every event. */
    private void request(Request request) {
        ClientMessage message = built(request);
        if (message != null) wiring.dispatcher().handle(connection, message);
    }

    /** A request whose reply the gateway reads; an error reply (or a request that could not be built) comes back as one. */
    private ServerMessage ask(Request request) {
        ClientMessage message;
        try {
            message = request.build();
        } catch (ProtocolException invalid) {
            return ServerMessage.Error.of(null, invalid);
        }
        CompletableFuture<ServerMessage> reply = new CompletableFuture<>();
        wiring.dispatcher().handle(new Asking(connection, reply), message);
        try {
            return reply.get(ASK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServerMessage.Error(null, ErrorCode.INTERNAL.wire(), "interrupted", null);
        } catch (ExecutionException | TimeoutException e) {
            return new ServerMessage.Error(null, ErrorCode.INTERNAL.wire(), "the server did not answer; try again", null);
        }
    }

    /** The request, or null after saying why it could not be made: the records check their fields as the dispatcher's would. */
    private ClientMessage built(Request request) {
        try {
            return request.build();
        } catch (ProtocolException invalid) {
            connection.send(ServerMessage.Error.of(null, invalid));
            return null;
        }
    }

    private String nextId() {
        return "t" + ids.incrementAndGet();
    }

    private void prompt(String prompt) {
        connection.write(Telnet.text(prompt));
        terminal.prompted();
    }

    /** A request to make, whose record may refuse its fields. */
    @FunctionalInterface
    private interface Request {
        ClientMessage build();
    }
}
