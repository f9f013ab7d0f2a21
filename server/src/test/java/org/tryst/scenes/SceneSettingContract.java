package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * A private scene made from a room of the world: the room's name and description become its
 * setting, which the invitee sees in the invitation before saying yes and every member sees in the
 * scene; only the room the maker's persona stands in may be named, and a room elsewhere, one that
 * does not exist, a malformed id or a persona outside the world is refused by a typed error, making
 * no scene.
 */
abstract class SceneSettingContract {
    abstract TestServer server();

    /** Uses the device's persona on its socket and enters the world with it; the room it stands in (the start). */
    private static Views.RoomView enter(RawDevice device) {
        device.request(id -> new ClientMessage.PersonaUse(id, device.persona.id()));
        return ((ServerMessage.WorldRoom) device.request(id -> new ClientMessage.WorldEnter(id, device.persona.id()))).room();
    }

    private static List<Views.Scene> scenes(RawDevice device) {
        return ((ServerMessage.Scenes) device.request(ClientMessage.SceneList::new)).scenes();
    }

    @Test
    void aSceneMadeFromTheRoomCarriesItsSettingToTheInvitationAndTheScene() throws Exception {
        try (RawDevice rowan = new RawDevice(server(), "Rowan"); RawDevice sage = new RawDevice(server(), "Sage")) {
            Views.RoomView room = enter(rowan);
            enter(sage);
            Views.Setting expected = new Views.Setting(room.id(), room.name(), room.description());
            assertThat(expected.description()).isNotBlank();

            Views.Scene scene = ((ServerMessage.SceneInfo) rowan.request(id ->
                    new ClientMessage.SceneCreate(id, rowan.persona.id(), room.id()))).scene();
            assertThat(scene.setting()).isEqualTo(expected);

            rowan.request(id -> new ClientMessage.SceneInvite(id, scene.id(), rowan.persona.id(), sage.persona.id(), "here?", null, null));
            Views.Invitation invitation = sage.next(ServerMessage.InvitationReceived.class).invitation();
            assertThat(invitation.scene()).isEqualTo(scene.id());
            assertThat(invitation.setting()).as("the invitee knows where before saying yes").isEqualTo(expected);
            assertThat(((ServerMessage.Invitations) sage.request(ClientMessage.InvitationList::new)).received())
                    .singleElement().extracting(Views.Invitation::setting).isEqualTo(expected);

            assertThat(scenes(rowan)).singleElement().extracting(Views.Scene::setting).as("kept, not only answered").isEqualTo(expected);
        }
    }

    @Test
    void aSceneMadeWithoutARoomHasNoSetting() {
        try (RawDevice rowan = new RawDevice(server(), "Rowan")) {
            Views.Scene scene = ((ServerMessage.SceneInfo) rowan.request(id -> new ClientMessage.SceneCreate(id, rowan.persona.id()))).scene();
            assertThat(scene.setting()).isNull();
        }
    }

    @Test
    void anotherRoomAnUnknownRoomAMalformedIdOrNoPlaceInTheWorldIsRefusedAndMakesNoScene() {
        try (RawDevice rowan = new RawDevice(server(), "Rowan"); RawDevice outside = new RawDevice(server(), "Wren")) {
            Views.RoomView room = enter(rowan);
            assertThat(room.exits()).isNotEmpty();
            String elsewhere = room.exits().getFirst().toId();
            assertThat(rowan.refusal(id -> new ClientMessage.SceneCreate(id, rowan.persona.id(), elsewhere))).isEqualTo("forbidden");
            assertThat(rowan.refusal(id -> new ClientMessage.SceneCreate(id, rowan.persona.id(), "no-such-room"))).isEqualTo("not_found");
            try (Wire wire = server().connect(rowan.user)) {
                for (String bad : new String[] {"\"the courtyard!\"", "\"\"", "7", "\"" + "x".repeat(65) + "\""}) {
                    wire.sendJson("{\"type\":\"scene.create\",\"id\":\"" + wire.nextId() + "\",\"persona\":\"" + rowan.persona.id()
                            + "\",\"room\":" + bad + "}");
                    assertThat(wire.expectError("invalid_message").message()).as(bad).contains("room");
                }
            }
            assertThat(scenes(rowan)).isEmpty();

            outside.request(id -> new ClientMessage.PersonaUse(id, outside.persona.id()));
            assertThat(outside.refusal(id -> new ClientMessage.SceneCreate(id, outside.persona.id(), room.id()))).isEqualTo("not_in_world");
            assertThat(scenes(outside)).isEmpty();
        }
    }
}
