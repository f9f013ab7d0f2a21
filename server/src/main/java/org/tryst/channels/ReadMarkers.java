package org.tryst.channels;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.tryst.cluster.Audience;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.cluster.Sight;
import org.tryst.personas.Persona;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.safety.Blocks;
import org.tryst.storage.Sql;

/**
 * How far each persona has read in its channels, so that its unread counts are the same on all its
 * devices and survive a reload. Private: only the persona's own sockets ever hear of it. A mark only
 * moves forward and is written only when it does, so a client that reports every scroll costs a read,
 * not a write; its row is made with the membership (ChannelStore) and goes with it.
 */
final class ReadMarkers {
    private final Sql sql;
    private final Delivery delivery;

    ReadMarkers(Sql sql, Delivery delivery) {
        this.sql = sql;
        this.delivery = delivery;
    }

    /** Where a persona stands in a channel: the newest line it marked read (null: none yet), and how many it has not. */
    record Position(String read, int unread) {
        /** A channel just joined, where nothing is unread yet. */
        static final Position FRESH = new Position(null, 0);
    }

    /**
     * The open channels a persona is a member of, by name, with where it stands in each: in one query
     * whatever their number, since this runs at every persona.use. Unread are the lines after its mark
     * within the retention that the viewer may see (none by {@code silenced}) and that its account did not write.
     */
    Map<String, Position> positions(String personaId, String accountId, Blocks.Silenced silenced, long since) {
        StringBuilder hidden = new StringBuilder();
        if (!silenced.personas().isEmpty()) hidden.append(" AND m.persona_id NOT IN (<silencedPersonas>)");
        if (!silenced.accounts().isEmpty()) hidden.append(" AND p.account_id NOT IN (<silencedAccounts>)");
        // The count stops at the cap: a channel far behind costs no more than one a thousand lines behind.
        String query = """
                SELECT cm.channel, r.message_id, (SELECT COUNT(*) FROM (
                    SELECT 1 FROM channel_messages m JOIN personas p ON p.id = m.persona_id
                    WHERE m.channel = cm.channel AND m.seq > r.seq AND m.created_at >= :since AND p.account_id <> :account%s
                    LIMIT %d) unread_lines) AS unread
                FROM channel_members cm JOIN channels c ON c.name = cm.channel
                LEFT JOIN channel_reads r ON r.persona_id = cm.persona_id AND r.channel = cm.channel
                WHERE cm.persona_id = :persona AND c.closed_at IS NULL ORDER BY cm.channel""".formatted(hidden, Views.Joined.MOST_UNREAD);
        Map<String, Position> positions = new LinkedHashMap<>();
        sql.useHandle(handle -> {
            var select = handle.createQuery(query).bind("persona", personaId).bind("account", accountId).bind("since", since);
            if (!silenced.personas().isEmpty()) select.bindList("silencedPersonas", java.util.List.copyOf(silenced.personas()));
            if (!silenced.accounts().isEmpty()) select.bindList("silencedAccounts", java.util.List.copyOf(silenced.accounts()));
            select.map((rs, ctx) -> Map.entry(rs.getString("channel"), new Position(rs.getString("message_id"), rs.getInt("unread"))))
                    .forEach(row -> positions.put(row.getKey(), row.getValue()));
        });
        return positions;
    }

    /** What one query tells of a mark to be moved: the channel, the membership, the line and the mark as it stands. */
    private record Target(boolean closed, boolean member, String line, Long seq, String author, long at, Long readSeq) {}

    /**
     * Marks a channel read by the persona up to a line of it that the viewer may see. A line not newer
     * than the mark changes nothing and is no error, since devices report in any order; a mark that
     * moved is told to every socket online as the persona, on every process, this one included.
     */
    void read(Persona persona, Blocks.Viewer viewer, Blocks blocks, String channel, String messageId, long since) {
        Target target = target(persona.id(), channel, messageId)
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no such channel"));
        if (target.closed()) throw new ProtocolException(ErrorCode.CHANNEL_CLOSED, "that channel was closed");
        if (!target.member()) throw new ProtocolException(ErrorCode.NOT_MEMBER, "not a member of that channel");
        // A line past the retention, or one by someone the viewer does not see, is as absent as in its history.
        if (target.line() == null || target.at() < since || blocks.silences(viewer, target.author())) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "no such message in that channel");
        }
        // Lines stored before lines were numbered cannot move a mark.
        if (target.seq() == null || target.readSeq() != null && target.seq() <= target.readSeq()) return;
        if (moved(persona.id(), channel, target.seq(), messageId)) {
            delivery.publish(new Event.Tell(new Audience.Persona(persona.id()), new ServerMessage.ChannelReadUpTo(channel, persona.id(), messageId),
                    Sight.ANYONE));
        }
    }

    private Optional<Target> target(String personaId, String channel, String messageId) {
        return sql.withHandle(handle -> handle.createQuery("""
                        SELECT c.closed_at, cm.persona_id AS member, m.id AS line, m.seq, m.persona_id AS author, m.created_at,
                               r.seq AS read_seq
                        FROM channels c
                        LEFT JOIN channel_members cm ON cm.channel = c.name AND cm.persona_id = :persona
                        LEFT JOIN channel_messages m ON m.channel = c.name AND m.id = :message
                        LEFT JOIN channel_reads r ON r.persona_id = :persona AND r.channel = c.name
                        WHERE c.name = :channel""")
                .bind("persona", personaId).bind("channel", channel).bind("message", messageId)
                .map((rs, ctx) -> new Target(rs.getObject("closed_at") != null, rs.getString("member") != null, rs.getString("line"),
                        number(rs, "seq"), rs.getString("author"), rs.getLong("created_at"), number(rs, "read_seq")))
                .findOne());
    }

    private static Long number(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Moves the mark forward, never back, even against a device that moved it a moment ago; false when it stood there or beyond. */
    private boolean moved(String personaId, String channel, long seq, String messageId) {
        try {
            return sql.withHandle(handle -> handle.createUpdate("""
                            INSERT INTO channel_reads (persona_id, channel, seq, message_id) VALUES (:persona, :channel, :seq, :message)
                            ON CONFLICT (persona_id, channel) DO UPDATE SET seq = excluded.seq, message_id = excluded.message_id
                            WHERE channel_reads.seq < excluded.seq""")
                    .bind("persona", personaId).bind("channel", channel).bind("seq", seq).bind("message", messageId).execute()) == 1;
        } catch (UnableToExecuteStatementException refused) {
            // The persona left (or was removed) between the check and the write, and its row may not outlive the membership.
            if (target(personaId, channel, messageId).filter(Target::member).isPresent()) throw refused;
            throw new ProtocolException(ErrorCode.NOT_MEMBER, "not a member of that channel");
        }
    }
}
