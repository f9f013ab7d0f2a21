package org.tryst.client.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.tryst.client.RequestFailed;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * Carries out {@code /board} and {@code /ad}: the partner board as the speaking persona sees it
 * (the server leaves out what its boundaries, blocks, mutes and opt-in exclude), numbered for
 * {@code /board invite N}, and the persona's own ad.
 */
final class Boards {
    private final Backend backend;
    private final Screen screen;
    private final Session session;
    private final Clock clock;
    private final Supplier<List<Views.Topic>> catalogue;

    Boards(Backend backend, Screen screen, Session session, Clock clock, Supplier<List<Views.Topic>> catalogue) {
        this.backend = backend;
        this.screen = screen;
        this.session = session;
        this.clock = clock;
        this.catalogue = catalogue;
    }

    /** Lists the board, numbered, each ad with how its topics meet the persona's boundaries. */
    void list(Views.Persona persona) {
        ServerMessage.Board board = backend.board(persona.id());
        session.board = board.ads();
        if (board.ads().isEmpty()) screen.show("No ads for " + persona.name() + " on the board right now.");
        else screen.show("The board as " + persona.name() + " sees it (/board invite N answers an ad):");
        for (int i = 0; i < board.ads().size(); i++) {
            Views.Ad ad = board.ads().get(i);
            screen.show(String.format("%d. %s \u2014 %s%s%s", i + 1, ad.title(), ad.persona().name(),
                    ad.status() == null ? "" : " [" + Format.word(ad.status()) + "]",
                    ad.rating().equals("general") ? "" : " (" + ad.rating() + ")"));
            if (!ad.text().isBlank()) screen.show("    " + ad.text());
            screen.show(ConsentFormat.adFit(ad, catalogue.get()));
        }
        if (board.mine() == null) screen.show("You have no ad up: /ad post TITLE | TEXT puts one there.");
        else screen.show("Your ad \u201c" + board.mine().title() + "\u201d is up for " + left(board.mine()) + ".");
    }

    /** The invitation that answers ad {@code number}: to its persona, proposing its topics. */
    Command.Invite invitation(int number, String note) {
        Views.Ad ad = listed(number);
        return new Command.Invite(ad.persona().name(), note, ad.topics(), null);
    }

    void report(Views.Persona persona, int number, String reason) {
        backend.reportAd(persona.id(), listed(number).id(), reason);
        screen.show("Your report was sent to the moderators; " + listed(number).persona().name() + " is not told who reported.");
    }

    void show(Views.Persona persona) {
        Views.Ad mine = backend.board(persona.id()).mine();
        if (mine == null) {
            screen.show("You have no ad up: /ad post TITLE | TEXT puts one there.");
            return;
        }
        screen.show("Your ad: " + mine.title() + " (" + mine.rating() + "), up for " + left(mine) + ".");
        if (!mine.text().isBlank()) screen.show("    " + mine.text());
        if (!mine.topics().isEmpty()) screen.show("    Asks for " + String.join(", ", mine.topics()) + ".");
    }

    void post(Views.Persona persona, Command.PostAd ad) {
        Views.Ad posted = backend.postAd(persona.id(), ad.title(), ad.text(), ad.topics(), ad.rating());
        screen.show("Your ad \u201c" + posted.title() + "\u201d is up for " + left(posted) + ". /ad bump brings it to the top later.");
    }

    void bump(Views.Persona persona) {
        try {
            Views.Ad bumped = backend.bumpAd(persona.id());
            screen.show("Your ad is at the top of the board again, up for " + left(bumped) + ".");
        } catch (RequestFailed refused) {
            if (!refused.code().equals("rate_limited") || refused.retryAfterMs() == null) throw refused;
            throw new Shell.Refused("Not yet: you can bump your ad again in " + minutes(refused.retryAfterMs()) + ".");
        }
    }

    void remove(Views.Persona persona) {
        backend.removeAd(persona.id());
        screen.show("Your ad is off the board.");
    }

    private Views.Ad listed(int number) {
        if (number > session.board.size()) throw new Shell.Refused("There is no ad " + number + ": /board lists them.");
        return session.board.get(number - 1);
    }

    private String left(Views.Ad ad) {
        Duration left = Duration.ofMillis(Math.max(0, ad.expiresAt() - clock.millis()));
        return left.toHours() >= 1 ? left.toHours() + " h" : minutes(left.toMillis());
    }

    private static String minutes(long millis) {
        return Math.max(1, (millis + 59_999) / 60_000) + " min";
    }
}
