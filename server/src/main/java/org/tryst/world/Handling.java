package org.tryst.world;

import java.util.List;
import java.util.Optional;
import org.tryst.cluster.Caller;
import org.tryst.personas.Persona;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.safety.Blocks;

/** Picking things up, putting them down and handing them over, in sight of the room. */
final class Handling {
    private final WorldPlay play;
    private final World world;
    private final Blocks blocks;

    Handling(WorldPlay play, World world, Blocks blocks) {
        this.play = play;
        this.world = world;
        this.blocks = blocks;
    }

    void get(Caller caller, Persona persona, String words) {
        Room room = play.here(caller, persona);
        Thing thing = Matching.find(world.thingsIn(room.id()), words, Thing::name)
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "you see no \"" + words + "\" here"));
        if (!thing.portable()) throw new ProtocolException(ErrorCode.FORBIDDEN, thing.name() + " is fixed in place");
        move(thing, new Place.CarriedBy(persona.id()));
        play.tell(room, new ServerMessage.WorldThing(room.id(), persona.author(), "got", RoomViews.thing(thing), null), persona);
    }

    void drop(Caller caller, Persona persona, String words) {
        Room room = play.here(caller, persona);
        Thing thing = carried(persona, words);
        move(thing, new Place.InRoom(room.id()));
        play.tell(room, new ServerMessage.WorldThing(room.id(), persona.author(), "dropped", RoomViews.thing(thing), null), persona);
    }

    /** {@code give NAME=THING} or {@code give THING=NAME}: whichever reading names someone here and something carried. */
    void give(Caller caller, Persona persona, String left, String right) {
        Room room = play.here(caller, persona);
        List<Persona> present = play.views().others(WorldPlay.viewer(caller), persona, room.id());
        Recognition recognition = play.recognition();
        Optional<Persona> to = recognition.find(caller.accountId(), persona.id(), present, left);
        String thingWords = right;
        if (to.isEmpty()) {
            to = recognition.find(caller.accountId(), persona.id(), present, right);
            thingWords = left;
        }
        Persona receiver = to.orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "nobody of that name is here"));
        Thing thing = carried(persona, thingWords);
        move(thing, new Place.CarriedBy(receiver.id()));
        play.tell(room, new ServerMessage.WorldThing(room.id(), persona.author(), "gave", RoomViews.thing(thing), receiver.author()), persona);
    }

    private Thing carried(Persona persona, String words) {
        return Matching.find(world.carriedBy(persona.id()), words, Thing::name)
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "you carry no \"" + words + "\""));
    }

    private void move(Thing thing, Place place) {
        world.store().put(new Thing(thing.id(), thing.name(), thing.description(), place, thing.portable(), thing.owner()));
    }
}
