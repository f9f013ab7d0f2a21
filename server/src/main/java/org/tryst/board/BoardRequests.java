package org.tryst.board;

import org.tryst.cluster.Caller;
import org.tryst.personas.Acting;
import org.tryst.protocol.ClientMessage.*;
import org.tryst.protocol.ServerMessage;
import org.tryst.requests.Answer;
import org.tryst.requests.Handler;

/** Answers the partner board's requests, each made as one of the caller's own personas. */
public final class BoardRequests implements Handler<BoardRequest> {
    private final Board board;
    private final Acting acting;

    public BoardRequests(Board board, Acting acting) {
        this.board = board;
        this.acting = acting;
    }

    @Override
    public Answer answer(BoardRequest request, Caller caller) {
        return switch (request) {
            case BoardPost m -> Answer.now(new ServerMessage.BoardAd(m.id(), board.post(acting.mine(caller, m.persona()), m)));
            case BoardBump m -> Answer.now(new ServerMessage.BoardAd(m.id(), board.bump(acting.mine(caller, m.persona()))));
            case BoardRemove m -> {
                board.remove(acting.mine(caller, m.persona()));
                yield Answer.ok(m.id());
            }
            case BoardList m -> {
                Board.Seen seen = board.seenBy(acting.mine(caller, m.persona()));
                yield Answer.now(new ServerMessage.Board(m.id(), seen.ads(), seen.mine()));
            }
        };
    }
}
