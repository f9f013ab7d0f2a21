package org.tryst.media;

import java.util.List;
import org.tryst.cluster.Caller;
import org.tryst.protocol.ClientMessage.MediaRequest;
import org.tryst.protocol.ClientMessage.MediaTurn;
import org.tryst.protocol.ServerMessage;
import org.tryst.requests.Answer;
import org.tryst.requests.Handler;
import org.tryst.scenes.Scenes;

/**
 * Answers the requests about calls' media: TURN credentials, only for a member of the scene the call
 * is in (their rate is limited in the request policy). The call itself, its consent and its
 * signalling, travels inside the scene's encryption and never reaches this package.
 */
public final class MediaRequests implements Handler<MediaRequest> {
    private final TurnCredentials turn;
    private final Scenes scenes;

    public MediaRequests(TurnCredentials turn, Scenes scenes) {
        this.turn = turn;
        this.scenes = scenes;
    }

    @Override
    public Answer answer(MediaRequest request, Caller caller) {
        return switch (request) {
            case MediaTurn m -> {
                scenes.requireMember(caller.accountId(), m.scene());
                if (!turn.configured()) yield Answer.now(new ServerMessage.MediaServers(m.id(), List.of(), 0, false));
                TurnCredentials.Minted minted = turn.mint(caller.accountId());
                yield Answer.now(new ServerMessage.MediaServers(m.id(), minted.servers(), minted.expiresAt(), true));
            }
        };
    }
}
