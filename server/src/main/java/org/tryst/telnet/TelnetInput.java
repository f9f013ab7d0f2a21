package org.tryst.telnet;

/** What a telnet client sent, as {@link TelnetReader} reads it from the bytes. */
sealed interface TelnetInput {
    /** A line the user typed, without its line end: valid Unicode, without control characters. */
    record Line(String text) implements TelnetInput {}

    /** A negotiation: {@code verb} is WILL, WONT, DO or DONT. */
    record Negotiate(int verb, int option) implements TelnetInput {}

    /** A subnegotiation's payload, 0xFF already undoubled. */
    record Sub(int option, byte[] payload) implements TelnetInput {}

    /** IAC AYT: the client asks whether the server is still there. */
    record AreYouThere() implements TelnetInput {}

    /** A line, or a subnegotiation, past its limit: what came of it so far is dropped. */
    record TooLong(What what) implements TelnetInput {
        /** Which kind of input grew too long. */
        enum What { LINE, SUBNEGOTIATION }
    }
}
