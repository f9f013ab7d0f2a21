package org.tryst.world;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.ServerMessage;

/** A builder's account owns no more rooms, exits and things than the server's quotas allow. */
class BuildingQuotaTest {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite().with("TRYST_WORLD_ROOMS_PER_ACCOUNT", "2")
            .with("TRYST_WORLD_EXITS_PER_ACCOUNT", "1").with("TRYST_WORLD_THINGS_PER_ACCOUNT", "1");


    @Test
    void theQuotasHoldPerAccountAndNothingIsMadePastThem() {
        Player ada = Player.join(SERVER, "Quota").withRole(SERVER, "builder");
        ada.enter();
        ada.answer("@dig First Room", ServerMessage.WorldDone.class);
        ada.answer("@create a pebble", ServerMessage.WorldDone.class);
        ada.refused("@create a second pebble", "quota_exceeded");
        String dug = ada.answer("@dig Second Room", ServerMessage.WorldDone.class).text();
        ada.refused("@dig Third Room", "quota_exceeded");
        String second = dug.substring(dug.indexOf('(') + 1, dug.indexOf(')'));
        Player moderator = Player.join(SERVER, "Opener").withRole(SERVER, "moderator");
        moderator.enter();
        moderator.answer("@open hatch=" + second, ServerMessage.WorldDone.class);
        ada.go("hatch");
        ada.answer("@open out=courtyard", ServerMessage.WorldDone.class);
        ada.refused("@open out2=courtyard", "quota_exceeded");
        assertThat(ada.answer("look", ServerMessage.WorldRoom.class).room().exits()).hasSize(1);
        ada.wire().close();
        moderator.wire().close();
    }
}
