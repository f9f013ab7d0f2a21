package org.tryst.channels;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.tryst.personas.Persona;
import org.tryst.personas.Personas;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.Names;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.Views;
import org.tryst.storage.Sql;

/** The SQL of channels: the channels, their members, and their history. */
final class ChannelStore {
    private static final RowMapper<ChannelRow> CHANNEL = (rs, ctx) -> new ChannelRow(rs.getString("name"),
            rs.getString("topic"), rs.getString("owner_persona_id"), rs.getObject("closed_at") != null);
    private static final RowMapper<Views.Message> MESSAGE = (rs, ctx) -> new Views.Message(rs.getString("id"),
            rs.getString("channel"), MessageKind.valueOf(rs.getString("kind")),
            new Views.Author(rs.getString("persona_id"), rs.getString("persona_name"), rs.getString("persona_avatar")), rs.getString("body"),
            rs.getLong("created_at"));
    /** Lines with their authors' names and pictures as they are now, for a WHERE to follow. */
    private static final String LINES = """
            SELECT m.id, m.channel, m.kind, m.body, m.created_at, m.persona_id, p.name AS persona_name, p.avatar AS persona_avatar
            FROM channel_messages m JOIN personas p ON p.id = m.persona_id
            """;

    /** Lines with their authors' names and pictures and their numbers in their channels. */
    private static final String NUMBERED = """
            SELECT m.id, m.channel, m.kind, m.body, m.created_at, m.persona_id, m.seq, p.name AS persona_name, p.avatar AS persona_avatar
            FROM channel_messages m JOIN personas p ON p.id = m.persona_id
            """;

    private final Sql sql;
    /**
     * The last number each channel's lines took, when this process is the only writer of its
     * database (SQLite); null when processes share it, and number under the channel's row lock.
     */
    private final Map<String, Long> lastNumbers;

    ChannelStore(Sql sql, boolean soleWriter) {
        this.sql = sql;
        this.lastNumbers = soleWriter ? new java.util.concurrent.ConcurrentHashMap<>() : null;
    }

    /** A channel's row: name, topic, owner, and whether it was closed. */
    record ChannelRow(String name, String topic, String owner, boolean closed) {}

    Optional<ChannelRow> channel(String name) {
        return sql.withHandle(handle -> handle.createQuery(
                        "SELECT name, topic, owner_persona_id, closed_at FROM channels WHERE name = :name")
                .bind("name", name)
                .map(CHANNEL)
                .findOne());
    }

    List<ChannelRow> channels() {
        return sql.withHandle(handle -> handle.createQuery(
                        "SELECT name, topic, owner_persona_id, closed_at FROM channels WHERE closed_at IS NULL ORDER BY name")
                .map(CHANNEL)
                .list());
    }

    /** Creates the channel with its owner as first member; NAME_TAKEN when it, or a look-alike, exists. */
    void create(String name, String topic, String ownerId, long now) {
        try {
            sql.useTransaction(handle -> {
                handle.createUpdate("""
                                INSERT INTO channels (name, name_skeleton, topic, owner_persona_id, created_at)
                                VALUES (:name, :skeleton, :topic, :owner, :now)""")
                        .bind("name", name).bind("skeleton", Names.skeleton(name)).bind("topic", topic)
                        .bind("owner", ownerId).bind("now", now).execute();
                insertMember(handle, name, ownerId, now);
            });
            forgetNumbers(name);
        } catch (UnableToExecuteStatementException e) {
            if (taken(name)) throw new ProtocolException(ErrorCode.NAME_TAKEN, "that channel, or one that looks like it, exists");
            throw e;
        }
    }

    /** Whether a channel has this name, or one a reader could take for it, closed channels included. */
    private boolean taken(String name) {
        return sql.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM channels WHERE name = :name OR name_skeleton = :skeleton")
                .bind("name", name).bind("skeleton", Names.skeleton(name)).mapTo(Integer.class).one()) > 0;
    }

    /** Adds a member; ALREADY_MEMBER when the persona is one. */
    void join(String channel, String personaId, long now) {
        int added = sql.inTransaction(handle -> insertMember(handle, channel, personaId, now));
        if (added == 0) throw new ProtocolException(ErrorCode.ALREADY_MEMBER, "already a member of that channel");
    }

    /** Removes a member; false when it was none. */
    boolean leave(String channel, String personaId) {
        return sql.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM channel_members WHERE channel = :channel AND persona_id = :persona")
                .bind("channel", channel).bind("persona", personaId).execute()) == 1;
    }

    /** The members of a channel, in order of joining. */
    List<Persona> members(String channel) {
        return sql.withHandle(handle -> handle.createQuery("""
                        SELECT p.* FROM channel_members m JOIN personas p ON p.id = m.persona_id
                        WHERE m.channel = :channel ORDER BY m.joined_at, p.id""")
                .bind("channel", channel).map(Personas.ROW).list());
    }

    /** The open channels the persona is a member of, in one query (persona.use reads them with its marks, in ReadMarkers). */
    List<String> openChannelsOf(String personaId) {
        return sql.withHandle(handle -> handle.createQuery("""
                        SELECT m.channel FROM channel_members m JOIN channels c ON c.name = m.channel
                        WHERE m.persona_id = :persona AND c.closed_at IS NULL ORDER BY m.channel""")
                .bind("persona", personaId).mapTo(String.class).list());
    }

    /** The channels a persona is a member of, closed ones included. */
    List<String> channelsOf(String personaId) {
        return sql.withHandle(handle -> handle.createQuery(
                        "SELECT channel FROM channel_members WHERE persona_id = :persona ORDER BY channel")
                .bind("persona", personaId).mapTo(String.class).list());
    }

    void topic(String channel, String topic) {
        sql.useHandle(handle -> handle.createUpdate("UPDATE channels SET topic = :topic WHERE name = :name")
                .bind("topic", topic).bind("name", channel).execute());
    }

    void owner(String channel, String ownerId) {
        sql.useHandle(handle -> handle.createUpdate("UPDATE channels SET owner_persona_id = :owner WHERE name = :name")
                .bind("owner", ownerId).bind("name", channel).execute());
    }

    void deleteChannel(String channel) {
        sql.useHandle(handle -> handle.createUpdate("DELETE FROM channels WHERE name = :name").bind("name", channel).execute());
        forgetNumbers(channel);
    }

    /** A channel made or deleted under this name starts its numbers from what its row says. */
    private void forgetNumbers(String channel) {
        if (lastNumbers != null) lastNumbers.remove(channel);
    }

    /** A line to store, and the client's id for it when the client gave one. */
    record Posted(Views.Message message, String clientId) {}

    /** A stored line and its place in its channel: 1 for the first line ever said there, and so on without holes. */
    record Numbered(Views.Message message, long seq) {}

    /**
     * Stores lines in one transaction: one sync to disk for all of them. Answers each line as stored:
     * itself, numbered after the lines before it in its channel, or the line its persona first sent
     * under the same client id, which stays the only one.
     */
    List<Numbered> appendAll(List<Posted> lines) {
        if (lastNumbers == null) return sql.inTransaction(handle -> appendShared(handle, lines));
        Map<String, Long> taken = new HashMap<>();
        List<Numbered> stored = sql.inTransaction(handle -> appendAlone(handle, lines, taken));
        // Only once committed: a batch the database refused gave out no numbers.
        lastNumbers.putAll(taken);
        return stored;
    }

    private static final String INSERT_LINE = """
            INSERT INTO channel_messages (id, channel, persona_id, kind, body, created_at, client_id, seq)
            VALUES (:id, :channel, :persona, :kind, :body, :at, :client, :seq)
            ON CONFLICT (persona_id, client_id) DO NOTHING""";
    /** The same statement with JDBC's positional parameters, in the order of its columns. */
    private static final String INSERT_LINE_JDBC = INSERT_LINE.replaceAll(":\\w+", "?");

    /**
     * The sole writer's way: each line takes the next number of its channel, kept in memory, and
     * keeps it only when it is stored, so a resent client id leaves no hole; no statement numbers.
     * One statement prepared for the batch, run line by line (as SQLite runs a batch anyway), since
     * whether a line was stored decides the next line's number.
     */
    private List<Numbered> appendAlone(Handle handle, List<Posted> lines, Map<String, Long> taken) {
        List<Numbered> stored = new ArrayList<>(lines.size());
        try (PreparedStatement insert = handle.getConnection().prepareStatement(INSERT_LINE_JDBC)) {
            for (Posted line : lines) {
                String channel = line.message().channel();
                long seq = taken.computeIfAbsent(channel, name -> lastNumbers.computeIfAbsent(name, ignored -> lastStored(handle, name))) + 1;
                Views.Message message = line.message();
                Object[] values = {message.id(), channel, message.persona().id(), message.kind().name(), message.text(),
                        message.at(), line.clientId(), seq};
                for (int i = 0; i < values.length; i++) insert.setObject(i + 1, values[i]);
                if (insert.executeUpdate() == 1) {
                    taken.put(channel, seq);
                    stored.add(new Numbered(message, seq));
                } else {
                    stored.add(firstSent(handle, line));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("a batch of channel lines was not stored", e);
        }
        return stored;
    }

    /** The highest number a channel's lines ever took: its row keeps the highest of those deleted. */
    private static long lastStored(Handle handle, String channel) {
        return handle.createQuery("""
                        SELECT MAX(c.last_seq, COALESCE((SELECT MAX(seq) FROM channel_messages WHERE channel = c.name), 0))
                        FROM channels c WHERE c.name = :name""")
                .bind("name", channel).mapTo(Long.class).findOne().orElse(0L);
    }

    /**
     * The way of processes sharing the database: numbering takes the channel's row lock, so
     * processes writing to one channel number its lines in the order they commit.
     */
    private static List<Numbered> appendShared(Handle handle, List<Posted> lines) {
        List<Posted> fresh = fresh(handle, lines);
        Map<String, Long> next = numbers(handle, fresh);
        var batch = handle.prepareBatch(INSERT_LINE);
        Map<Posted, Long> seqs = new java.util.IdentityHashMap<>();
        for (Posted line : fresh) {
            long seq = next.merge(line.message().channel(), 1L, Long::sum) - 1;
            seqs.put(line, seq);
            Views.Message message = line.message();
            batch.bind("id", message.id()).bind("channel", message.channel()).bind("persona", message.persona().id())
                    .bind("kind", message.kind().name()).bind("body", message.text()).bind("at", message.at())
                    .bind("client", line.clientId()).bind("seq", seq).add();
        }
        int[] inserted = fresh.isEmpty() ? new int[0] : batch.execute();
        for (int i = 0; i < fresh.size(); i++) {
            // Another process stored the same client id a moment ago: its line stands, and this number stays unused.
            if (inserted[i] == 0) seqs.remove(fresh.get(i));
        }
        List<Numbered> stored = new ArrayList<>(lines.size());
        for (Posted line : lines) {
            Long seq = seqs.get(line);
            stored.add(seq != null ? new Numbered(line.message(), seq) : firstSent(handle, line));
        }
        return stored;
    }

    /**
     * The lines of a batch that are new: not under a client id their persona already used, in the
     * database or earlier in the batch. One query for the batch's client ids, none without.
     */
    private static List<Posted> fresh(Handle handle, List<Posted> lines) {
        List<Posted> identified = lines.stream().filter(line -> line.clientId() != null).toList();
        java.util.Set<String> used = new java.util.HashSet<>();
        if (!identified.isEmpty()) {
            // By the unique index's columns, so that it is a lookup per persona, not a scan.
            handle.createQuery("SELECT persona_id, client_id FROM channel_messages WHERE persona_id IN (<personas>) AND client_id IN (<ids>)")
                    .bindList("personas", identified.stream().map(line -> line.message().persona().id()).distinct().toList())
                    .bindList("ids", identified.stream().map(Posted::clientId).distinct().toList())
                    .map((rs, ctx) -> rs.getString("persona_id") + "\n" + rs.getString("client_id")).forEach(used::add);
        }
        List<Posted> fresh = new ArrayList<>(lines.size());
        for (Posted line : lines) {
            if (line.clientId() == null || used.add(line.message().persona().id() + "\n" + line.clientId())) fresh.add(line);
        }
        return fresh;
    }

    /**
     * The first number each channel's new lines take, reserved under the channel rows' locks in one
     * statement for the whole batch, whatever the number of channels in it.
     */
    private static Map<String, Long> numbers(Handle handle, List<Posted> fresh) {
        Map<String, Integer> perChannel = new LinkedHashMap<>();
        fresh.forEach(line -> perChannel.merge(line.message().channel(), 1, Integer::sum));
        Map<String, Long> next = new HashMap<>();
        if (perChannel.isEmpty()) return next;
        StringBuilder counts = new StringBuilder("CASE name");
        for (int i = 0; i < perChannel.size(); i++) counts.append(" WHEN :name").append(i).append(" THEN :count").append(i);
        var update = handle.createQuery("UPDATE channels SET last_seq = last_seq + " + counts.append(" END")
                + " WHERE name IN (<names>) RETURNING name, last_seq").bindList("names", List.copyOf(perChannel.keySet()));
        int i = 0;
        for (var channel : perChannel.entrySet()) {
            update.bind("name" + i, channel.getKey()).bind("count" + i, channel.getValue());
            i++;
        }
        update.map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getLong("last_seq")))
                .forEach(row -> next.put(row.getKey(), row.getValue() - perChannel.get(row.getKey()) + 1));
        return next;
    }

    /** The lines of a channel numbered after {@code after} and before {@code before}, in order. */
    List<Numbered> numberedBetween(String channel, long after, long before) {
        return sql.withHandle(handle -> handle.createQuery(NUMBERED + """
                        WHERE m.channel = :channel AND m.seq > :after AND m.seq < :before ORDER BY m.seq""")
                .bind("channel", channel).bind("after", after).bind("before", before)
                .map((rs, ctx) -> new Numbered(MESSAGE.map(rs, ctx), rs.getLong("seq"))).list());
    }

    /** The open channels in which personas of both accounts are members. */
    List<String> sharedBy(String accountA, String accountB) {
        return sql.withHandle(handle -> handle.createQuery("""
                        SELECT DISTINCT a.channel FROM channel_members a
                        JOIN personas pa ON pa.id = a.persona_id AND pa.account_id = :a
                        JOIN channel_members b ON b.channel = a.channel
                        JOIN personas pb ON pb.id = b.persona_id AND pb.account_id = :b
                        JOIN channels c ON c.name = a.channel AND c.closed_at IS NULL""")
                .bind("a", accountA).bind("b", accountB).mapTo(String.class).list());
    }

    static boolean markClosed(Handle handle, String channel, Long at) {
        return handle.createUpdate("UPDATE channels SET closed_at = :at WHERE name = :name").bind("at", at).bind("name", channel).execute() == 1;
    }

    private static Numbered firstSent(Handle handle, Posted line) {
        return handle.createQuery(NUMBERED + """
                        WHERE m.persona_id = :persona AND m.client_id = :client""")
                .bind("persona", line.message().persona().id()).bind("client", line.clientId())
                .map((rs, ctx) -> new Numbered(MESSAGE.map(rs, ctx), rs.getLong("seq"))).one();
    }

    /** Up to {@code limit} messages newer than {@code since}, and older than {@code before} when given; oldest first. */
    List<Views.Message> history(String channel, long since, String before, int limit) {
        List<Views.Message> newestFirst = sql.withHandle(handle -> handle.createQuery(LINES + """
                        WHERE m.channel = :channel AND m.created_at >= :since AND m.id < :before
                        ORDER BY m.id DESC LIMIT :limit""")
                .bind("channel", channel).bind("since", since).bind("before", before == null ? "~" : before)
                .bind("limit", limit).map(MESSAGE).list());
        return newestFirst.reversed();
    }

    /** One stored message of a channel, as the server keeps it. */
    Optional<Views.Message> message(String channel, String id) {
        return sql.withHandle(handle -> handle.createQuery(LINES + """
                        WHERE m.channel = :channel AND m.id = :id""")
                .bind("channel", channel).bind("id", id).map(MESSAGE).findOne());
    }

    /** The names of closed channels. */
    List<String> closed() {
        return sql.withHandle(handle -> handle.createQuery("SELECT name FROM channels WHERE closed_at IS NOT NULL")
                .mapTo(String.class).list());
    }

    /** Deletes history older than the retention; returns how many messages went. */
    int forgetBefore(long cutoff) {
        return sql.withHandle(handle -> handle.createUpdate("DELETE FROM channel_messages WHERE created_at < :cutoff")
                .bind("cutoff", cutoff).execute());
    }

    /** Adds a member, whose read mark starts at the channel's newest line: what was said before it came is not news to it. */
    private static int insertMember(Handle handle, String channel, String personaId, long now) {
        int added = handle.createUpdate("""
                        INSERT INTO channel_members (channel, persona_id, joined_at) VALUES (:channel, :persona, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("channel", channel).bind("persona", personaId).bind("now", now).execute();
        if (added == 1) {
            handle.createUpdate("""
                            INSERT INTO channel_reads (persona_id, channel, seq)
                            SELECT :persona, :channel, COALESCE(MAX(seq), 0) FROM channel_messages WHERE channel = :channel
                            ON CONFLICT DO NOTHING""")
                    .bind("channel", channel).bind("persona", personaId).execute();
        }
        return added;
    }
}
