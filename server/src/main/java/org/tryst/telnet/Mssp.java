package org.tryst.telnet;

import java.time.Clock;
import java.util.function.IntSupplier;

/**
 * MSSP's answer for MUD listings' crawlers, when the operator turns it on: the server's name, how
 * many are connected, since when it runs, and what its telnet side speaks.
 */
final class Mssp {
    private final String name;
    private final IntSupplier players;
    private final long startedSeconds;
    private volatile int port;

    Mssp(String name, IntSupplier players, Clock clock) {
        this.name = name;
        this.players = players;
        this.startedSeconds = clock.millis() / 1000;
    }

    /** The port the listener bound, once it has. */
    void port(int port) {
        this.port = port;
    }

    /** The MSSP variables as a subnegotiation payload: MSSP_VAR name MSSP_VAL value, for each. */
    byte[] payload() {
        Telnet.Payload payload = new Telnet.Payload();
        variable(payload, "NAME", name);
        variable(payload, "PLAYERS", Integer.toString(players.getAsInt()));
        variable(payload, "UPTIME", Long.toString(startedSeconds));
        variable(payload, "PORT", Integer.toString(port));
        variable(payload, "CODEBASE", "Tryst");
        variable(payload, "CHARSET", "UTF-8");
        variable(payload, "UTF-8", "1");
        variable(payload, "ANSI", "1");
        variable(payload, "GMCP", "1");
        variable(payload, "MCCP", "1");
        variable(payload, "MSDP", "0");
        variable(payload, "FAMILY", "Custom");
        variable(payload, "MINIMUM AGE", "18");
        return payload.bytes();
    }

    private static void variable(Telnet.Payload payload, String variable, String value) {
        payload.add(Telnet.MSSP_VAR).add(variable).add(Telnet.MSSP_VAL).add(value);
    }
}
