package org.tryst.moderation;

import org.tryst.protocol.CloseCodes;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.tryst.accounts.Sanctions;
import org.tryst.cluster.Audience;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.cluster.Sight;
import org.tryst.personas.Standing;
import org.tryst.protocol.ClientMessage;
import org.tryst.personas.Persona;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.channels.Channels;
import org.tryst.requests.Gate;

/**
 * Moderators' decisions applied by a running server: mutes and persona bans checked from memory on
 * every post, invitation and persona use; suspended and banned accounts' sockets closed; warnings
 * shown on the live socket or at the next hello. Decisions taken on any process apply at once on
 * every process; those taken by the command line, which has no bus, are picked up by the sweep.
 */
public final class Enforcement implements Gate, Standing {
    private final Sanctions sanctions;
    /** The name of the cache of sanctions, and of the news that an account has warnings to show. */
    private static final String SANCTIONS = "sanctions";
    private static final String WARNINGS = "warnings";

    private final Delivery delivery;
    private final Channels channels;
    private final Clock clock;
    private volatile Sanctions.Active active = new Sanctions.Active(Map.of(), Set.of(), Set.of());

    public Enforcement(Sanctions sanctions, Delivery delivery, Channels channels, Clock clock) {
        this.sanctions = sanctions;
        this.delivery = delivery;
        this.channels = channels;
        this.clock = clock;
        refresh();
        delivery.cache(SANCTIONS, unused -> refresh());
        delivery.cache(WARNINGS, account -> {
            if (account != null && delivery.hasSockets(account)) deliverWarnings(account);
        });
    }

    /** A muted account may not speak where others hear it: lines, poses, topics, invitations, the world's words, board ads. */
    @Override
    public void admit(Caller caller, ClientMessage request) {
        switch (request) {
            case ClientMessage.Say _, ClientMessage.Pose _, ClientMessage.Roll _, ClientMessage.TopicSet _, ClientMessage.SceneInvite _,
                 ClientMessage.BoardPost _, ClientMessage.BoardBump _ ->
                    requireNotMuted(caller.accountId());
            case ClientMessage.WorldCommand command when org.tryst.world.Command.speaks(command.line()) -> requireNotMuted(caller.accountId());
            default -> { }
        }
    }

    /** Throws {@code muted} while the account may not post in channels or invite. */
    private void requireNotMuted(String accountId) {
        Long until = active.mutes().get(accountId);
        // A mute seen here is confirmed from the database: one lifted on another process a moment ago no longer holds.
        if (until != null && until > clock.millis()) until = sanctions.muteOf(accountId).orElse(null);
        if (until != null && until > clock.millis()) {
            throw new ProtocolException(ErrorCode.MUTED, "a moderator muted this account until " + java.time.Instant.ofEpochMilli(until));
        }
    }

    /** Throws {@code banned} for a persona a moderator banned. */
    @Override
    public void requireUsable(String personaId) {
        if (active.bannedPersonas().contains(personaId)) throw new ProtocolException(ErrorCode.BANNED, "a moderator banned that persona");
    }

    /** Whether the persona may be shown offering anything (a board ad): not banned, and its account neither suspended nor banned. */
    public boolean inGoodStanding(Persona persona) {
        Sanctions.Active now = active;
        return !now.bannedPersonas().contains(persona.id()) && !now.barredAccounts().contains(persona.accountId());
    }

    /** After a hello: the warnings waiting for the account, and its mute if any. */
    public void welcomed(Caller socket) {
        deliverWarnings(socket.accountId());
        Long until = active.mutes().get(socket.accountId());
        if (until != null) delivery.reply(socket, new ServerMessage.Notice("muted",
                "A moderator muted this account: you cannot post in channels or invite.", until, clock.millis()));
    }

    /** Applies a decision just taken on this process, on every process. */
    public void applied(Moderation.Done done) {
        delivery.publish(new Event.Changed(SANCTIONS, null));
        switch (done.action()) {
            case "warn" -> delivery.publish(new Event.Changed(WARNINGS, done.accountId()));
            case "mute" -> tell(done.accountId(), new ServerMessage.Notice("muted",
                    "A moderator muted this account: you cannot post in channels or invite. " + done.reason(), done.until(), clock.millis()));
            case "suspend" -> bar(done.accountId(), new Sanctions.Bar(Sanctions.SUSPEND, done.reason(), done.until()));
            case "ban" -> {
                if (done.personaId() == null) bar(done.accountId(), new Sanctions.Bar(Sanctions.BAN, done.reason(), null));
                else banish(done.personaId());
            }
            case "close" -> channels.closed(done.channel());
            case "reopen" -> channels.reopened(done.channel());
            default -> { }
        }
    }

    /** Picks up decisions taken by the command line: closes barred accounts' sockets, takes banned personas away, shows warnings, stops closed channels. */
    public void sweep() {
        Sanctions.Active before = active;
        refresh();
        Sanctions.Active now = active;
        noticeNewMutes(before, now);
        Set<String> barred = new HashSet<>();
        Set<String> here = new HashSet<>();
        for (Caller socket : delivery.callers()) {
            here.add(socket.accountId());
            if (now.barredAccounts().contains(socket.accountId())) barred.add(socket.accountId());
            socket.personasInUse().stream().filter(now.bannedPersonas()::contains).toList().forEach(this::banish);
        }
        barred.forEach(account -> sanctions.barOf(account).ifPresent(bar -> bar(account, bar)));
        sanctions.warned(here).forEach(this::deliverWarnings);
        channels.sweepClosed();
    }

    private void refresh() {
        active = sanctions.active();
    }

    /**
     * A mute the command line gave (no process published it) is shown on this process's sockets
     * of the account; each process tells its own, so nobody hears it twice.
     */
    private void noticeNewMutes(Sanctions.Active before, Sanctions.Active now) {
        now.mutes().forEach((account, until) -> {
            if (until.equals(before.mutes().get(account)) || !delivery.hasSockets(account)) return;
            delivery.tellHere(new Event.Tell(new Audience.Account(account), new ServerMessage.Notice("muted",
                    "A moderator muted this account: you cannot post in channels or invite.", until, clock.millis()), Sight.ANYONE));
        });
    }

    /**
     * Ends the account's sockets with the notice and error of its suspension or ban, if it has one:
     * its sessions were ended with it, and it should hear why rather than that its session expired.
     */
    public boolean closeIfBarred(String accountId) {
        return sanctions.barOf(accountId).map(bar -> {
            bar(accountId, bar);
            return true;
        }).orElse(false);
    }

    /**
     * Ends the account's sockets: first a notice with the moderator's reason and until when, which
     * the error before the close has no room for, then that error, as a login would get it.
     */
    private void bar(String accountId, Sanctions.Bar bar) {
        String kind = bar.kind().equals(Sanctions.BAN) ? "banned" : "suspended";
        tell(accountId, new ServerMessage.Notice(kind, bar.reason(), bar.until(), clock.millis()));
        ProtocolException refusal = bar.refusal();
        delivery.publish(new Event.Close(new Audience.Account(accountId),
                new ServerMessage.Error(null, refusal.code().wire(), refusal.getMessage(), null), CloseCodes.SESSION_ENDED, "session ended", null));
    }

    private void banish(String personaId) {
        channels.banish(personaId);
        delivery.publish(new Event.Release(personaId));
    }

    /** Takes the account's waiting warnings and shows them on all its sockets, wherever they are. */
    private void deliverWarnings(String accountId) {
        for (Sanctions.Warning warning : sanctions.takeWarnings(accountId)) {
            tell(accountId, new ServerMessage.Notice("warning", warning.reason(), null, warning.at()));
        }
    }

    private void tell(String accountId, ServerMessage message) {
        delivery.publish(new Event.Tell(new Audience.Account(accountId), message, Sight.ANYONE));
    }
}
