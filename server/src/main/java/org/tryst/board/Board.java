package org.tryst.board;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.tryst.cluster.Online;
import org.tryst.config.Config;
import org.tryst.consent.Boundaries;
import org.tryst.personas.Persona;
import org.tryst.personas.Personas;
import org.tryst.protocol.BoundaryMatch;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.Views;
import org.tryst.safety.Blocks;
import org.tryst.storage.Ids;
import org.tryst.storage.Sql;

/**
 * The partner board: each persona's one ad, ranked by its freshest bump rather than reposted, gone
 * when its lifetime runs out. What a persona sees is decided here, for each viewer: no ad across a
 * block either way, none of a persona it muted or a moderator banned, no adult ad without the adult
 * opt-in, and none that asks for a topic the viewer answered no; each ad shown carries its matches, by the invitations' rule.
 */
public final class Board {
    /** Most ads one look at the board shows: the freshest. */
    private static final int SHOWN = 200;
    private static final String ADULT = "adult";
    private static final RowMapper<Row> ROW = (rs, ctx) -> new Row(rs.getString("persona_id"), rs.getString("id"),
            rs.getString("title"), rs.getString("body"), topics(rs.getString("topics")), rs.getString("rating"),
            rs.getLong("posted_at"), rs.getLong("bumped_at"), rs.getLong("expires_at"));

    /** One stored ad; {@code topics} in the catalogue's order. */
    record Row(String personaId, String id, String title, String text, List<String> topics, String rating, long postedAt,
               long bumpedAt, long expiresAt) {
        /** The ad as its own persona sees it. */
        Views.Ad view(Persona persona) {
            return new Views.Ad(id, persona.author(), title, text, topics, rating, postedAt, bumpedAt, expiresAt, null, List.of());
        }

        /** The ad as a viewer sees it: with its persona's status now and how it matches the viewer's boundaries. */
        Views.Ad view(Persona persona, Presence status, List<Views.TopicMatch> matches) {
            return new Views.Ad(id, persona.author(), title, text, topics, rating, postedAt, bumpedAt, expiresAt, status, matches);
        }
    }

    private final Sql sql;
    private final Personas personas;
    private final Boundaries boundaries;
    private final Blocks blocks;
    private final Predicate<String> adultOptIn;
    private final Predicate<Persona> inGoodStanding;
    private final Online online;
    private final Config.Board config;
    private final Clock clock;

    /**
     * {@code adultOptIn} says whether an account opted in to adult areas, the same opt-in the world asks;
     * {@code inGoodStanding} whether moderators left a persona free to be seen (not banned, its account not barred).
     */
    public Board(Sql sql, Personas personas, Boundaries boundaries, Blocks blocks, Predicate<String> adultOptIn,
                 Predicate<Persona> inGoodStanding, Online online, Config.Board config, Clock clock) {
        this.sql = sql;
        this.personas = personas;
        this.boundaries = boundaries;
        this.blocks = blocks;
        this.adultOptIn = adultOptIn;
        this.inGoodStanding = inGoodStanding;
        this.online = online;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Posts the persona's ad, or edits the one it has up: an edit keeps its id, place and expiry, so
     * that editing is no way around the bump interval. An adult ad needs its account's adult opt-in.
     */
    public Views.Ad post(Persona persona, ClientMessage.BoardPost post) {
        boundaries.catalogue().requireKnown(post.topics());
        if (post.rating().equals(ADULT) && !adultOptIn.test(persona.accountId())) {
            throw new ProtocolException(ErrorCode.ADULT_AREA, "an adult ad needs the adult opt-in first (@adult on in the world)");
        }
        String topics = String.join(" ", boundaries.catalogue().ordered(post.topics()));
        long now = clock.millis();
        return sql.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM board_ads WHERE persona_id = :persona AND expires_at <= :now")
                    .bind("persona", persona.id()).bind("now", now).execute();
            int edited = handle.createUpdate("""
                            UPDATE board_ads SET title = :title, body = :body, topics = :topics, rating = :rating
                            WHERE persona_id = :persona""")
                    .bind("title", post.title()).bind("body", post.text()).bind("topics", topics).bind("rating", post.rating())
                    .bind("persona", persona.id()).execute();
            if (edited == 0) {
                handle.createUpdate("""
                                INSERT INTO board_ads (persona_id, id, title, body, topics, rating, posted_at, bumped_at, expires_at)
                                VALUES (:persona, :id, :title, :body, :topics, :rating, :now, :now, :expires)""")
                        .bind("persona", persona.id()).bind("id", Ids.random()).bind("title", post.title()).bind("body", post.text())
                        .bind("topics", topics).bind("rating", post.rating()).bind("now", now).bind("expires", expiry(now)).execute();
            }
            return live(handle, persona.id(), now).orElseThrow().view(persona);
        });
    }

    /**
     * Moves the persona's ad to the top and renews its lifetime; before {@code board.bump_minutes}
     * since the last bump (or the post), {@code rate_limited} says when it may.
     */
    public Views.Ad bump(Persona persona) {
        long now = clock.millis();
        return sql.inTransaction(handle -> {
            Row row = live(handle, persona.id(), now).orElseThrow(Board::none);
            long next = row.bumpedAt() + TimeUnit.MINUTES.toMillis(config.bumpMinutes());
            // Only the bump that still finds the old time moves it: two at once on two processes make one.
            boolean moved = now >= next && handle.createUpdate("""
                            UPDATE board_ads SET bumped_at = :now, expires_at = :expires WHERE persona_id = :persona AND bumped_at = :was""")
                    .bind("now", now).bind("expires", expiry(now)).bind("persona", persona.id()).bind("was", row.bumpedAt())
                    .execute() == 1;
            if (!moved) {
                throw new ProtocolException(ErrorCode.RATE_LIMITED, "this ad was bumped a moment ago; bump it again later",
                        Math.max(1, next - now));
            }
            return live(handle, persona.id(), now).orElseThrow().view(persona);
        });
    }

    /** Takes the persona's ad off the board. */
    public void remove(Persona persona) {
        long now = clock.millis();
        int removed = sql.withHandle(handle -> handle.createUpdate("DELETE FROM board_ads WHERE persona_id = :persona AND expires_at > :now")
                .bind("persona", persona.id()).bind("now", now).execute());
        if (removed == 0) throw none();
    }

    /** The board as the viewer persona sees it, freshest bump first, and its own ad (null when none is up). */
    public Seen seenBy(Persona viewer) {
        long now = clock.millis();
        List<Row> rows = sql.withHandle(handle -> handle.createQuery("SELECT * FROM board_ads WHERE expires_at > :now ORDER BY bumped_at DESC, id")
                .bind("now", now).map(ROW).list());
        Blocks.Concerning concerning = blocks.concerning(new Blocks.Viewer(viewer.accountId(), List.of(viewer.id())));
        boolean adult = adultOptIn.test(viewer.accountId());
        Views.Ad mine = null;
        List<Shown> candidates = new ArrayList<>();
        for (Row row : rows) {
            if (row.personaId().equals(viewer.id())) mine = row.view(viewer);
            else if (!concerning.silences(row.personaId()) && !(row.rating().equals(ADULT) && !adult)) {
                personas.byId(row.personaId()).filter(inGoodStanding).ifPresent(author -> candidates.add(new Shown(row, author)));
            }
        }
        List<Views.Ad> ads = sql.withHandle(handle -> candidates.stream()
                .map(shown -> shown.row().view(shown.author(), shown.author().shownWhile(online.presence(shown.author().id())),
                        matches(handle, shown.row(), viewer)))
                .filter(ad -> ad.matches().stream().noneMatch(match -> match.flags().contains(BoundaryMatch.PROPOSED_NO)))
                .limit(SHOWN).toList());
        return new Seen(ads, mine);
    }

    /** An ad that passed the viewer's blocks, mutes and opt-in, with its persona. */
    private record Shown(Row row, Persona author) {}

    /** What one look at the board shows. */
    public record Seen(List<Views.Ad> ads, Views.Ad mine) {}

    /**
     * An ad the persona may report, by id: one that is up, and not across a block either way
     * ({@code not_found} otherwise, as for an ad nobody posted).
     */
    public Views.Ad reportable(Persona reporter, String adId) {
        long now = clock.millis();
        Optional<Row> row = sql.withHandle(handle -> handle.createQuery("SELECT * FROM board_ads WHERE id = :id AND expires_at > :now")
                .bind("id", adId).bind("now", now).map(ROW).findOne());
        Blocks.Concerning concerning = blocks.concerning(new Blocks.Viewer(reporter.accountId(), List.of(reporter.id())));
        return row.filter(ad -> !concerning.hides(ad.personaId()))
                .flatMap(ad -> personas.byId(ad.personaId()).map(author -> ad.view(author)))
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no such ad on the board"));
    }

    /** Deletes the ads whose lifetime ran out (already off the board); how many. */
    public int sweep() {
        return sql.withHandle(handle -> handle.createUpdate("DELETE FROM board_ads WHERE expires_at <= :now").bind("now", clock.millis())
                .execute());
    }

    /** A moderator takes the persona's ad down, in the transaction of the audit entry; false when it has none. */
    public static boolean clear(Handle handle, String personaId) {
        return handle.createUpdate("DELETE FROM board_ads WHERE persona_id = :persona").bind("persona", personaId).execute() == 1;
    }

    /** As an invitation from the ad's persona to the viewer proposing the ad's topics would show them. */
    private List<Views.TopicMatch> matches(Handle handle, Row row, Persona viewer) {
        return boundaries.compare(handle, row.personaId(), viewer.id(), row.topics(), true);
    }

    private static Optional<Row> live(Handle handle, String personaId, long now) {
        return handle.createQuery("SELECT * FROM board_ads WHERE persona_id = :persona AND expires_at > :now")
                .bind("persona", personaId).bind("now", now).map(ROW).findOne();
    }

    private long expiry(long from) {
        return from + TimeUnit.HOURS.toMillis(config.adLifetimeHours());
    }

    private static List<String> topics(String stored) {
        return stored.isEmpty() ? List.of() : Arrays.asList(stored.split(" "));
    }

    private static ProtocolException none() {
        return new ProtocolException(ErrorCode.NOT_FOUND, "this persona has no ad on the board");
    }
}
