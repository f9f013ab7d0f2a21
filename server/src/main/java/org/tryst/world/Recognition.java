package org.tryst.world;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tryst.accounts.Accounts;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.cluster.Lens;
import org.tryst.personas.Persona;
import org.tryst.personas.Personas;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.Fields;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * Recognition, in a world whose operator turns it on: others appear by their short descriptions
 * until the viewer recognises them under a name of its own choosing, or they introduce themselves.
 * Moderators, and a persona's own account, always see real names. Short descriptions and
 * recognitions are kept in memory, dropped on every process when one changes, so that showing a line
 * to a room costs no query per recipient.
 */
final class Recognition implements Lens {
    /** The names of this capability's caches on the bus. */
    static final String SDESCS = "world-sdesc";
    static final String KNOWN = "world-recog";
    /** The most characters of a short description, and of a name given in {@code recog}. */
    static final int MAX_SDESC = 60;
    static final int MAX_NAME = 32;
    /** How a persona that set no short description appears to strangers: neutral, and never derived from its name. */
    static final String STRANGER = "a stranger";

    private final boolean on;
    private final RecognitionStore store;
    private final Personas personas;
    private final Accounts accounts;
    private final Delivery delivery;
    private final Clock clock;
    private final Map<String, String> sdescs = new ConcurrentHashMap<>();
    /** Whom each viewer persona recognises: known persona id to the name the viewer knows it by. */
    private final Map<String, Map<String, String>> known = new ConcurrentHashMap<>();
    /** Whether each account moderates; roles change by the command line, so this is read again at every sweep. */
    private final Map<String, Boolean> moderators = new ConcurrentHashMap<>();

    Recognition(boolean on, RecognitionStore store, Personas personas, Accounts accounts, Delivery delivery, Clock clock) {
        this.on = on;
        this.store = store;
        this.personas = personas;
        this.accounts = accounts;
        this.delivery = delivery;
        this.clock = clock;
        if (!on) return;
        delivery.cache(SDESCS, persona -> {
            if (persona == null) sdescs.clear();
            else sdescs.remove(persona);
        });
        delivery.cache(KNOWN, viewer -> {
            if (viewer == null) known.clear();
            else known.remove(viewer);
        });
        delivery.lens(this);
    }

    /** Forgets what this process keeps, to read it again (the world's periodic reread). */
    void forgetHere() {
        sdescs.clear();
        known.clear();
        moderators.clear();
    }

    // Showing.

    @Override
    public boolean concerns(ServerMessage message) {
        return switch (message) {
            // A page is out of character, like Evennia's between accounts: both sides by their real names.
            case ServerMessage.WorldLine line -> on && !line.line().kind().equals("page");
            case ServerMessage.WorldArrived _, ServerMessage.WorldDeparted _, ServerMessage.WorldThing _,
                 ServerMessage.WorldRoom _, ServerMessage.WorldLook _, ServerMessage.WorldWho _ -> on;
            default -> false;
        };
    }

    @Override
    public ServerMessage seenBy(ServerMessage message, String account, String viewer) {
        if (!concerns(message) || moderates(account)) return message;
        Viewing v = new Viewing(account, viewer);
        return switch (message) {
            case ServerMessage.WorldArrived m -> new ServerMessage.WorldArrived(m.room(), v.occupant(m.persona()), m.via(), m.how());
            case ServerMessage.WorldDeparted m -> new ServerMessage.WorldDeparted(m.room(), v.author(m.persona()), m.via(), m.how());
            case ServerMessage.WorldLine m -> new ServerMessage.WorldLine(v.line(m.line()));
            case ServerMessage.WorldThing m -> new ServerMessage.WorldThing(m.room(), v.author(m.by()), m.action(), m.thing(), v.author(m.to()));
            case ServerMessage.WorldRoom m -> new ServerMessage.WorldRoom(m.id(), m.persona(), m.room(), m.here().stream().map(v::occupant).toList());
            case ServerMessage.WorldLook m -> new ServerMessage.WorldLook(m.id(), m.persona(), v.looked(m.target()));
            case ServerMessage.WorldWho m -> new ServerMessage.WorldWho(m.id(), m.people().stream()
                    .map(entry -> {
                        Views.Author seen = v.author(entry.persona());
                        return new Views.WhoEntry(seen, entry.status(), entry.room(), seen.shown() == Views.Shown.SDESC ? null : entry.statusLine());
                    }).toList());
            default -> message;
        };
    }

    /** The name the account, acting as the viewer persona, knows the persona by. */
    String shown(String account, String viewer, Persona persona) {
        if (!on || persona.accountId().equals(account) || moderates(account)) return persona.name();
        String name = knownBy(viewer).get(persona.id());
        return name != null ? name : sdesc(persona.id());
    }

    /** The persona among those present whom the words mean to the viewer: by the name it knows them by, or by their short description. */
    Optional<Persona> find(String account, String viewer, List<Persona> present, String words) {
        if (!on) return Matching.find(present, words, Persona::name);
        return Matching.find(present, words, persona -> shown(account, viewer, persona))
                .or(() -> Matching.find(present, words, persona -> sdesc(persona.id())));
    }

    /** How one viewer sees the personas named in a message. */
    private final class Viewing {
        private final String account;
        private final String viewer;

        Viewing(String account, String viewer) {
            this.account = account;
            this.viewer = viewer;
        }

        /**
         * The author by the name the viewer knows it by: one given by an introduction is its real name.
         * A stranger's picture is not shown either, since it would tell who they are as well as a name.
         */
        Views.Author author(Views.Author author) {
            if (author == null) return null;
            Optional<Persona> persona = personas.byId(author.id());
            if (persona.isEmpty() || persona.get().accountId().equals(account)) return author;
            String name = knownBy(viewer).get(author.id());
            if (name == null) return new Views.Author(author.id(), sdesc(author.id()), null, Views.Shown.SDESC);
            return new Views.Author(author.id(), name, author.avatar(), name.equals(persona.get().name()) ? null : Views.Shown.RECOG);
        }

        Views.Occupant occupant(Views.Occupant occupant) {
            Views.Author seen = author(new Views.Author(occupant.id(), occupant.name(), occupant.avatar()));
            // A stranger's status line could name them.
            return new Views.Occupant(occupant.id(), seen.name(), occupant.status(), seen.avatar(), seen.shown(),
                    seen.shown() == Views.Shown.SDESC ? null : occupant.statusLine());
        }

        Views.WorldLine line(Views.WorldLine line) {
            return new Views.WorldLine(line.id(), line.room(), line.kind(), author(line.author()), author(line.to()), line.text(), line.at());
        }

        Views.Looked looked(Views.Looked looked) {
            String name = looked.kind().equals("persona") ? author(new Views.Author(looked.id(), looked.name())).name() : looked.name();
            List<Views.WorldLine> lines = looked.lines() == null ? null : looked.lines().stream().map(this::line).toList();
            return new Views.Looked(looked.kind(), looked.id(), name, looked.description(), looked.summary(), looked.pronouns(),
                    looked.to(), looked.rating(), lines);
        }
    }

    // Remembering.

    /** The persona's short description, or the neutral one when it set none. */
    String sdesc(String persona) {
        return sdescs.computeIfAbsent(persona, id -> store.sdesc(id).orElse(STRANGER));
    }

    /**
     * Sets the persona's short description: at most {@link #MAX_SDESC} characters, and neither another
     * persona's name nor a look-alike of one, so that nobody passes for someone else.
     */
    String describe(Persona persona, String text) {
        requireOn();
        String sdesc = text.strip();
        if (Fields.characters(sdesc) > MAX_SDESC) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "a short description is at most " + MAX_SDESC + " characters");
        }
        if (personas.lookingLike(sdesc).filter(other -> !other.id().equals(persona.id())).isPresent()) {
            throw new ProtocolException(ErrorCode.NAME_TAKEN, "that is someone's name; describe how you look instead");
        }
        store.describe(persona.id(), sdesc, clock.millis());
        sdescs.remove(persona.id());
        delivery.publishElsewhere(new Event.Changed(SDESCS, persona.id()));
        return "Others who do not know you see you as: " + sdesc + ".";
    }

    /**
     * The viewer knows the persona by the name from now. Refused: a name over {@link #MAX_NAME}
     * characters, one the viewer knows someone else by, and any persona's real name (even the one
     * recognised), so that trying names never tells who a stranger is; real names come by introduction.
     */
    String recognise(Persona viewer, Persona other, String name) {
        requireOn();
        String chosen = name.strip();
        if (chosen.isEmpty()) throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "write it as: recog WHO as NAME");
        if (Fields.characters(chosen) > MAX_NAME) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "a name you give is at most " + MAX_NAME + " characters");
        }
        String key = key(chosen);
        Optional<String> taken = knownBy(viewer.id()).entrySet().stream()
                .filter(entry -> key(entry.getValue()).equals(key) && !entry.getKey().equals(other.id())).map(Map.Entry::getKey).findFirst();
        if (taken.isPresent()) throw new ProtocolException(ErrorCode.NAME_TAKEN, "you already know someone as " + chosen + "; forget them first");
        if (personas.lookingLike(chosen).isPresent()) {
            throw new ProtocolException(ErrorCode.NAME_TAKEN, "that is someone's name: choose another, or ask them to introduce themselves");
        }
        store.recognise(viewer.id(), other.id(), chosen, key, clock.millis());
        changed(viewer.id());
        return "You will know " + sdesc(other.id()) + " as " + chosen + ".";
    }

    /** The viewer no longer recognises whom it knows by the name. */
    String forget(Persona viewer, String name) {
        requireOn();
        String key = key(name.strip());
        String forgotten = knownBy(viewer.id()).entrySet().stream().filter(entry -> key(entry.getValue()).equals(key))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "you know nobody as \"" + name.strip() + "\""));
        store.forget(viewer.id(), forgotten);
        changed(viewer.id());
        return "You forget " + name.strip() + "; they are " + sdesc(forgotten) + " to you again.";
    }

    /** Each of the viewers knows the introducer by its real name from now, in place of what they called it or another. */
    void introduced(Persona introducer, List<Persona> viewers) {
        List<String> ids = viewers.stream().map(Persona::id).toList();
        store.introduce(ids, introducer.id(), introducer.name(), key(introducer.name()), clock.millis());
        ids.forEach(this::changed);
    }

    /** Whom the viewer recognises, by the names it gave, for {@code recog} alone. */
    String list(Persona viewer) {
        requireOn();
        List<String> names = knownBy(viewer.id()).entrySet().stream()
                .map(entry -> entry.getValue() + " (" + sdesc(entry.getKey()) + ")").sorted(String.CASE_INSENSITIVE_ORDER).toList();
        String self = "You are " + sdesc(viewer.id()) + " to those who do not know you.";
        return names.isEmpty() ? self + " You recognise nobody yet." : self + " You recognise: " + String.join(", ", names) + ".";
    }

    /** Refuses recognition's commands in a world without it, where everyone appears by name. */
    void requireOn() {
        if (!on) throw new ProtocolException(ErrorCode.FORBIDDEN, "this world does not use recognition: everyone appears by name");
    }

    private Map<String, String> knownBy(String viewer) {
        if (viewer == null) return Map.of();
        return known.computeIfAbsent(viewer, store::known);
    }

    /** Whether the account moderates; one deleted meanwhile does not (its sockets are closing). */
    private boolean moderates(String account) {
        return moderators.computeIfAbsent(account, id -> {
            try {
                return accounts.byId(id).role().moderates();
            } catch (ProtocolException gone) {
                return false;
            }
        });
    }

    private void changed(String viewer) {
        known.remove(viewer);
        delivery.publishElsewhere(new Event.Changed(KNOWN, viewer));
    }

    private static String key(String name) {
        return Personas.key(name);
    }
}
