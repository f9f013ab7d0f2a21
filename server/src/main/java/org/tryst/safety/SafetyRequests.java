package org.tryst.safety;

import java.util.List;
import java.util.function.Supplier;
import org.tryst.cluster.Caller;
import org.tryst.protocol.ClientMessage.*;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.requests.Answer;
import org.tryst.requests.Handler;

/** Answers the requests about the caller's own blocks and mutes. */
public final class SafetyRequests implements Handler<SafetyRequest> {
    /** Whoever shows people to each other live (channels), told when a block comes between two accounts or is lifted. */
    public interface Regrouping {
        /** Hides the two accounts' personas from each other where they share a place, or shows them again. */
        void regrouped(String account, String other, boolean blocked);
    }

    private final Blocks blocks;
    private final Regrouping regrouping;

    public SafetyRequests(Blocks blocks, Regrouping regrouping) {
        this.blocks = blocks;
        this.regrouping = regrouping;
    }

    @Override
    public Answer answer(SafetyRequest request, Caller caller) {
        String account = caller.accountId();
        return Answer.now(new ServerMessage.Blocks(request.id(), switch (request) {
            case Block m -> blocksChanged(account, m.target(), true, () -> blocks.block(account, m.target(), m.scope()));
            case Unblock m -> blocksChanged(account, m.target(), false, () -> blocks.unblock(account, m.target()));
            case Mute m -> blocks.mute(account, m.target());
            case Unmute m -> blocks.unmute(account, m.target());
            case BlocksList m -> blocks.list(account);
        }));
    }

    /** A block or unblock, shown at once in the places the two sides share. */
    private List<Views.Block> blocksChanged(String account, String target, boolean blocked, Supplier<List<Views.Block>> change) {
        List<Views.Block> list = change.get();
        blocks.accountOf(target).ifPresent(other -> regrouping.regrouped(account, other, blocked));
        return list;
    }
}
