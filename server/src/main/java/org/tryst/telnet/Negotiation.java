package org.tryst.telnet;

import io.netty.buffer.ByteBuf;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which telnet options are on, each side's, agreed without loops (after RFC 1143): a request is
 * answered only when it would change the option, and an answer to our own request is not answered
 * again, so two programs can never bounce WILL and DO between them. A client that goes on
 * negotiating past {@link #MOST_NEGOTIATIONS} is storming and is cut off by the session.
 */
final class Negotiation {
    /** Negotiations a connection may send in its life: a client makes a dozen, a storm makes millions. */
    static final int MOST_NEGOTIATIONS = 1_000;

    /** Told when an option of either side comes on or goes off. */
    interface Listener {
        void changed(int option, boolean ours, boolean on);
    }

    private final Set<Integer> ours;
    private final Set<Integer> theirs;
    private final Consumer<ByteBuf> send;
    private final Listener listener;
    /** Options on, by side: ours (we WILL) in the first 256, the client's (it WILL) in the next. */
    private final boolean[] on = new boolean[512];
    /** Options we asked for and have no answer to yet, by side as {@link #on}. */
    private final boolean[] asked = new boolean[512];
    private int negotiations;

    /** {@code ours}: the options the server may do; {@code theirs}: those it lets the client do. */
    Negotiation(Set<Integer> ours, Set<Integer> theirs, Consumer<ByteBuf> send, Listener listener) {
        this.ours = ours;
        this.theirs = theirs;
        this.send = send;
        this.listener = listener;
    }

    /** Whether the server does the option now (we said WILL and the client DO). */
    boolean ours(int option) {
        return on[option];
    }

    /** Whether the client does the option now (it said WILL and we DO). */
    boolean theirs(int option) {
        return on[256 + option];
    }

    /** Offers to do an option ourselves (IAC WILL), unless it is on or offered already. */
    void offer(int option) {
        if (on[option] || asked[option]) return;
        asked[option] = true;
        send.accept(Telnet.command(Telnet.WILL, option));
    }

    /** Stops doing an option ourselves (IAC WONT), if it is on. */
    void withdraw(int option) {
        if (!on[option] && !asked[option]) return;
        boolean wasOn = on[option];
        on[option] = false;
        asked[option] = false;
        send.accept(Telnet.command(Telnet.WONT, option));
        if (wasOn) listener.changed(option, true, false);
    }

    /** Asks the client to do an option (IAC DO), unless it does or was asked already. */
    void request(int option) {
        if (on[256 + option] || asked[256 + option]) return;
        asked[256 + option] = true;
        send.accept(Telnet.command(Telnet.DO, option));
    }

    /** Takes one negotiation from the client; false when it has sent more than a client ever needs. */
    boolean received(int verb, int option) {
        if (++negotiations > MOST_NEGOTIATIONS) return false;
        boolean ourSide = verb == Telnet.DO || verb == Telnet.DONT;
        boolean wantsOn = verb == Telnet.DO || verb == Telnet.WILL;
        int at = ourSide ? option : 256 + option;
        int yes = ourSide ? Telnet.WILL : Telnet.DO;
        int no = ourSide ? Telnet.WONT : Telnet.DONT;
        boolean wasAsked = asked[at];
        asked[at] = false;
        if (wantsOn) {
            if (on[at]) return true;
            if (wasAsked || (ourSide ? ours : theirs).contains(option)) {
                on[at] = true;
                // An answer to our own offer or request is the end of it; a change the client started is confirmed.
                if (!wasAsked) send.accept(Telnet.command(yes, option));
                listener.changed(option, ourSide, true);
            } else {
                send.accept(Telnet.command(no, option));
            }
        } else if (on[at]) {
            on[at] = false;
            send.accept(Telnet.command(no, option));
            listener.changed(option, ourSide, false);
        }
        // Off already, or a refusal of what we asked: nothing to say.
        return true;
    }
}
