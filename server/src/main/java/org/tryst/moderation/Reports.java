package org.tryst.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.tryst.board.Board;
import org.tryst.personas.Persona;
import org.tryst.personas.Personas;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.Views;
import org.tryst.channels.Channels;
import org.tryst.scenes.Scenes;
import org.tryst.storage.Ids;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.world.KeptLine;
import org.tryst.world.World;

/**
 * Members' reports. A scene message is checked against the server's franking before it is filed,
 * with the sender taken from the persona the server named (its account looked up here, never
 * claimed by the reporter); a channel message, a line of the world or a board ad is filed with the server's own stored copy. Either way
 * the report joins the moderation queue with its verification, and the reported side is not told.
 */
public final class Reports {
    private final ReportStore store;
    private final Personas personas;
    private final Scenes scenes;
    private final Channels channels;
    private final World world;
    private final Board board;
    private final Clock clock;

    public Reports(ReportStore store, Personas personas, Scenes scenes, Channels channels, World world, Board board, Clock clock) {
        this.store = store;
        this.personas = personas;
        this.scenes = scenes;
        this.channels = channels;
        this.world = world;
        this.board = board;
        this.clock = clock;
    }

    /** Files a report of a scene message with the outcome of its franking check. */
    public Views.Report scene(Persona reporter, ClientMessage.ReportScene report) {
        scenes.requireReporter(reporter.id(), report.scene());
        Optional<Persona> sender = personas.byId(report.sender());
        Scenes.FrankingVerdict verdict = sender.map(persona -> scenes.verify(report, persona.accountId()))
                .orElse(new Scenes.FrankingVerdict(false, "the persona named as sender does not exist (any more)"));
        String body = new String(Base64.getDecoder().decode(report.body()), StandardCharsets.UTF_8);
        return file(new ReportStore.Row(Ids.random(), "scene", reporter.accountId(), reporter.id(), reporter.name(),
                sender.map(Persona::accountId).orElse(null), report.sender(), sender.map(Persona::name).orElse(null), null,
                report.scene(), report.message(), textOf(body), report.reason(), noteOf(report.note()),
                verdict.verified() ? "verified" : "rejected", verdict.why(), ReportStore.OPEN, clock.millis()));
    }

    /** Files a report of a channel message the reporter can see, carrying the server's own copy of it. */
    public Views.Report channel(Persona reporter, ClientMessage.ReportChannel report) {
        Views.Message copy = channels.storedMessage(reporter, report.channel(), report.message());
        Optional<Persona> sender = personas.byId(copy.persona().id());
        return file(new ReportStore.Row(Ids.random(), "channel", reporter.accountId(), reporter.id(), reporter.name(),
                sender.map(Persona::accountId).orElse(null), copy.persona().id(), copy.persona().name(), copy.channel(), null,
                copy.id(), copy.text(), report.reason(), noteOf(report.note()), "verified", "the server's own copy of the message",
                ReportStore.OPEN, clock.millis()));
    }

    /** Files a report of a line of the world the reporter saw whole, carrying the server's own copy of it. */
    public Views.Report world(Persona reporter, ClientMessage.ReportWorld report) {
        KeptLine line = world.lineSeenBy(reporter.id(), report.line()).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND,
                "no such line in this room or to you (it may be past the history retention)"));
        Optional<Persona> sender = personas.byId(line.author());
        return file(new ReportStore.Row(Ids.random(), "world", reporter.accountId(), reporter.id(), reporter.name(),
                sender.map(Persona::accountId).orElse(null), line.author(), sender.map(Persona::name).orElse(null), null, null,
                line.id(), line.text(), report.reason(), noteOf(report.note()), "verified", "the server's own copy of the " + line.kind(),
                ReportStore.OPEN, clock.millis()));
    }

    /** Files a report of an ad on the partner board, carrying the server's own copy of its title and text. */
    public Views.Report ad(Persona reporter, ClientMessage.ReportAd report) {
        Views.Ad ad = board.reportable(reporter, report.ad());
        Optional<Persona> sender = personas.byId(ad.persona().id());
        return file(new ReportStore.Row(Ids.random(), "ad", reporter.accountId(), reporter.id(), reporter.name(),
                sender.map(Persona::accountId).orElse(null), ad.persona().id(), ad.persona().name(), null, null, ad.id(),
                ad.title() + "\n\n" + ad.text(), report.reason(), noteOf(report.note()), "verified", "the server's own copy of the ad",
                ReportStore.OPEN, clock.millis()));
    }

    /** The reports an account filed. */
    public List<Views.Report> mine(String accountId) {
        return store.filedBy(accountId).stream().map(row -> row.view(true)).toList();
    }

    private Views.Report file(ReportStore.Row row) {
        store.insert(row);
        return row.view(true);
    }

    /** The text of a scene message body ({@code {"kind":…,"text":…}}); the body itself when it is not of that form. */
    private static String textOf(String body) {
        try {
            JsonNode text = Codec.mapper().readTree(body).get("text");
            return text != null && text.isTextual() ? text.asText() : body;
        } catch (IOException | RuntimeException notJson) {
            return body;
        }
    }

    private static String noteOf(String note) {
        return note == null ? "" : note;
    }
}
