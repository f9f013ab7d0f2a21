package org.tryst.moderation;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.tryst.accounts.Sanctions;
import org.tryst.gateway.Connection;
import org.tryst.gateway.Connections;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.channels.Channels;

/**
 * Moderators' decisions applied by a running server: mutes and persona bans checked from memory on
 * every post, invitation and persona use; suspended and banned accounts' sockets closed; warnings
 * shown on the live socket or at the next hello. Decisions taken here apply at once; those taken
 * by the command line or another process are picked up by the sweep, every few seconds.
 */
public final class Enforcement {
    private final Sanctions sanctions;
    private final Connections connections;
    private final Channels channels;
    private final Clock clock;
    private volatile Sanctions.Active active = new Sanctions.Active(Map.of(), Set.of(), Set.of());

    public Enforcement(Sanctions sanctions, Connections connections, Channels channels, Clock clock) {
        this.sanctions = sanctions;
        this.connections = connections;
        this.channels = channels;
        this.clock = clock;
        refresh();
    }

    /** Throws {@code muted} while the account may not post in channels or invite. */
    public void requireNotMuted(String accountId) {
        Long until = active.mutes().get(accountId);
        if (until != null && until > clock.millis()) {
            throw new ProtocolException(ErrorCode.MUTED, "a moderator muted this account until " + java.time.Instant.ofEpochMilli(until));
        }
    }

    /** Throws {@code banned} for a persona a moderator banned. */
    public void requireUsable(String personaId) {
        if (active.bannedPersonas().contains(personaId)) throw new ProtocolException(ErrorCode.BANNED, "a moderator banned that persona");
    }

    /** After a hello: the warnings waiting for the account, and its mute if any. */
    public void welcomed(Connection socket) {
        deliverWarnings(socket.accountId());
        Long until = active.mutes().get(socket.accountId());
        if (until != null) socket.send(new ServerMessage.Notice("muted", "A moderator muted this account: you cannot post in channels or invite.", until, clock.millis()));
    }

    /** Applies a decision just taken on this server. */
    public void applied(Moderation.Done done) {
        refresh();
        switch (done.action()) {
            case "warn" -> deliverWarnings(done.accountId());
            case "mute" -> connections.ofAccount(done.accountId()).forEach(socket -> socket.send(new ServerMessage.Notice("muted",
                    "A moderator muted this account: you cannot post in channels or invite. " + done.reason(), done.until(), clock.millis())));
            case "suspend" -> bar(done.accountId(), new Sanctions.Bar(Sanctions.SUSPEND, done.reason(), done.until()));
            case "ban" -> {
                if (done.personaId() == null) bar(done.accountId(), new Sanctions.Bar(Sanctions.BAN, done.reason(), null));
                else banish(done.personaId(), done.accountId());
            }
            case "close" -> channels.closed(done.channel());
            default -> { }
        }
    }

    /** Picks up decisions taken elsewhere: closes barred accounts' sockets, takes banned personas away, shows warnings, stops closed channels. */
    public void sweep() {
        refresh();
        Sanctions.Active now = active;
        Set<String> barred = new HashSet<>();
        for (Connection socket : connections.all()) {
            if (now.barredAccounts().contains(socket.accountId())) barred.add(socket.accountId());
            socket.personasInUse().keySet().stream().filter(now.bannedPersonas()::contains).toList()
                    .forEach(persona -> banish(persona, socket.accountId()));
        }
        barred.forEach(account -> sanctions.barOf(account).ifPresent(bar -> bar(account, bar)));
        sanctions.warned(connections.accountIds()).forEach(this::deliverWarnings);
        channels.sweepClosed();
    }

    private void refresh() {
        active = sanctions.active();
    }

    /**
     * Ends the account's sockets: first a notice with the moderator's reason and until when, which
     * the error before the close has no room for, then that error, as a login would get it.
     */
    private void bar(String accountId, Sanctions.Bar bar) {
        String kind = bar.kind().equals(Sanctions.BAN) ? "banned" : "suspended";
        ServerMessage.Notice notice = new ServerMessage.Notice(kind, bar.reason(), bar.until(), clock.millis());
        connections.ofAccount(accountId).forEach(socket -> socket.send(notice));
        ProtocolException refusal = bar.refusal();
        connections.endAccount(accountId, refusal.code(), refusal.getMessage());
    }

    private void banish(String personaId, String accountId) {
        channels.banish(personaId);
        connections.ofAccount(accountId).forEach(socket -> socket.personasInUse().remove(personaId));
    }

    private void deliverWarnings(String accountId) {
        var sockets = connections.ofAccount(accountId);
        if (sockets.isEmpty()) return;
        for (Sanctions.Warning warning : sanctions.takeWarnings(accountId)) {
            sockets.forEach(socket -> socket.send(new ServerMessage.Notice("warning", warning.reason(), null, warning.at())));
        }
    }
}
