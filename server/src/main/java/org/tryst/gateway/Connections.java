package org.tryst.gateway;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ServerMessage;

/** The authenticated sockets of this server process, by session, so that ending a session closes its sockets. */
public final class Connections {
    private final Set<Connection> all = ConcurrentHashMap.newKeySet();

    void add(Connection connection) {
        all.add(connection);
    }

    void remove(Connection connection) {
        all.remove(connection);
    }

    public int size() {
        return all.size();
    }

    /** The ids of the sessions that have sockets here. */
    public Set<String> sessionIds() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        all.forEach(connection -> ids.add(connection.sessionId()));
        return ids;
    }

    /** Closes every socket of the named sessions but {@code except} (which may be null), telling each why. */
    public void endSessions(List<String> sessionIds, Connection except, String why) {
        Set<String> ended = Set.copyOf(sessionIds);
        all.stream().filter(connection -> connection != except && ended.contains(connection.sessionId()))
                .forEach(connection -> end(connection, why));
    }

    /** Closes every socket of an account, telling each why with the error code. */
    public void endAccount(String accountId, ErrorCode code, String why) {
        all.stream().filter(connection -> connection.accountId().equals(accountId))
                .forEach(connection -> connection.close(new ServerMessage.Error(null, code.wire(), why, null),
                        CloseCodes.SESSION_ENDED, "session ended"));
    }

    /** Every authenticated socket here, as a snapshot. */
    public List<Connection> all() {
        return List.copyOf(all);
    }

    /** The accounts that have sockets here. */
    public Set<String> accountIds() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        all.forEach(connection -> ids.add(connection.accountId()));
        return ids;
    }

    /** The sockets of an account, to update what they are online as. */
    public List<Connection> ofAccount(String accountId) {
        return all.stream().filter(connection -> connection.accountId().equals(accountId)).toList();
    }

    private static void end(Connection connection, String why) {
        connection.close(new ServerMessage.Error(null, ErrorCode.SESSION_INVALID.wire(), why, null),
                CloseCodes.SESSION_ENDED, "session ended");
    }
}
