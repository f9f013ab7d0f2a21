package org.tryst.world;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tryst.cluster.Online;
import org.tryst.personas.Persona;
import org.tryst.personas.Personas;
import org.tryst.protocol.Presence;
import org.tryst.protocol.Views;
import org.tryst.safety.Blocks;

/** How rooms, who is in them and what lies in them look on the wire, for a viewer whose blocks hide some. */
final class RoomViews {
    private final World world;
    private final Occupancy occupancy;
    private final Personas personas;
    private final Online online;
    private final Blocks blocks;

    RoomViews(World world, Occupancy occupancy, Personas personas, Online online, Blocks blocks) {
        this.world = world;
        this.occupancy = occupancy;
        this.personas = personas;
        this.online = online;
        this.blocks = blocks;
    }

    /** The room as everyone there sees it. */
    Views.RoomView view(Room room) {
        List<Views.ExitView> exits = world.exits(room.id()).stream().map(this::exit).toList();
        List<Views.ThingView> things = world.thingsIn(room.id()).stream().map(RoomViews::thing).toList();
        Views.Author owner = room.owner().flatMap(personas::byId).map(Persona::author).orElse(null);
        return new Views.RoomView(room.id(), room.name(), room.description(), room.rating().word(), owner, exits, things);
    }

    Views.ExitView exit(Exit exit) {
        Optional<Room> to = world.room(exit.to());
        return new Views.ExitView(exit.name(), exit.aliases(), to.map(Room::name).orElse("nowhere"), exit.to(),
                to.map(room -> room.rating().word()).orElse(Rating.GENERAL.word()));
    }

    static Views.ThingView thing(Thing thing) {
        return new Views.ThingView(thing.id(), thing.name(), thing.portable());
    }

    /** Who of the room's occupants is online and not hidden from the viewer, by name. */
    List<Views.Occupant> here(Blocks.Viewer viewer, Room room) {
        Blocks.Concerning concerning = blocks.concerning(viewer);
        return present(room.id()).stream().filter(persona -> !concerning.hides(persona.id())).map(this::occupant).toList();
    }

    /** The room's occupants who are online now, by name; nobody is hidden. */
    List<Persona> present(String room) {
        return occupancy.of(room).stream().filter(id -> online.presence(id) != Presence.OFFLINE).map(personas::byId)
                .flatMap(Optional::stream).sorted(Comparator.comparing(Persona::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The room's occupants online now whom the persona may see, but itself: those it may speak to or hand things. */
    List<Persona> others(Blocks.Viewer viewer, Persona persona, String room) {
        Blocks.Concerning concerning = blocks.concerning(viewer);
        return present(room).stream().filter(other -> !other.id().equals(persona.id()) && !concerning.hides(other.id())).toList();
    }

    Views.Occupant occupant(Persona persona) {
        return new Views.Occupant(persona.id(), persona.name(), persona.shownWhile(online.presence(persona.id())), persona.avatar(),
                null, persona.chosen().line());
    }
}
