package org.tryst.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Puts two personas' boundaries side by side, topic by topic in the catalogue's order, and flags
 * what needs a conversation before a scene: one says no where the other says yes, and proposed
 * topics the invitee marked no or maybe. The server, the Java client and the web client agree on it.
 */
public final class BoundaryMatch {
    /** One says no where the other says yes. */
    public static final String MISMATCH = "mismatch";
    /** The topic is proposed and the invitee said no to it. */
    public static final String PROPOSED_NO = "proposed_no";
    /** The topic is proposed and the invitee said maybe to it. */
    public static final String PROPOSED_MAYBE = "proposed_maybe";

    private BoundaryMatch() {}

    /**
     * The rows worth showing: every catalogue topic that either side answered or that is proposed.
     * Answers to topics no longer in the catalogue are left out.
     */
    public static List<Views.TopicMatch> compare(List<String> catalogue, Map<String, Answer> from, Map<String, Answer> to,
                                                 Collection<String> proposed) {
        List<Views.TopicMatch> rows = new ArrayList<>();
        for (String topic : catalogue) {
            Answer mine = from.get(topic);
            Answer theirs = to.get(topic);
            boolean isProposed = proposed.contains(topic);
            if (mine == null && theirs == null && !isProposed) continue;
            rows.add(new Views.TopicMatch(topic, mine, theirs, isProposed, flags(mine, theirs, isProposed)));
        }
        return rows;
    }

    /** The flags of one topic; empty when nothing needs talking about. */
    public static List<String> flags(Answer from, Answer to, boolean proposed) {
        List<String> flags = new ArrayList<>();
        if ((from == Answer.NO && to == Answer.YES) || (from == Answer.YES && to == Answer.NO)) flags.add(MISMATCH);
        if (proposed && to == Answer.NO) flags.add(PROPOSED_NO);
        if (proposed && to == Answer.MAYBE) flags.add(PROPOSED_MAYBE);
        return List.copyOf(flags);
    }
}
