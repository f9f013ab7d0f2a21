package org.tryst.channels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tryst.gateway.Connection;
import org.tryst.personas.Persona;
import org.tryst.protocol.Presence;
import org.tryst.protocol.Views;

/**
 * The live state of one channel: its members (from the database) and, for each member, the
 * sockets online as that persona, which are the audience of everything said here. Callers write
 * to the database first and then update this; every method is short and holds the room's lock.
 */
final class LiveChannel {
    final String name;
    private String topic;
    private String owner;
    private final Map<String, Persona> members = new LinkedHashMap<>();
    private final Map<String, Set<Connection>> followers = new HashMap<>();

    LiveChannel(String name, String topic, String owner, List<Persona> members) {
        this.name = name;
        this.topic = topic;
        this.owner = owner;
        members.forEach(member -> this.members.put(member.id(), member));
    }

    synchronized String topic() {
        return topic;
    }

    synchronized void topic(String topic) {
        this.topic = topic;
    }

    synchronized String owner() {
        return owner;
    }

    synchronized void owner(String owner) {
        this.owner = owner;
    }

    synchronized boolean isMember(String personaId) {
        return members.containsKey(personaId);
    }

    synchronized int size() {
        return members.size();
    }

    /** The member who joined first, other than {@code except}; null when there is none. */
    synchronized String eldestOtherThan(String except) {
        return members.keySet().stream().filter(id -> !id.equals(except)).findFirst().orElse(null);
    }

    synchronized void add(Persona persona) {
        members.put(persona.id(), persona);
    }

    /** Removes a member and returns the sockets that were following the channel as it. */
    synchronized Set<Connection> remove(String personaId) {
        members.remove(personaId);
        Set<Connection> gone = followers.remove(personaId);
        return gone == null ? Set.of() : gone;
    }

    /** Starts sending the channel to a socket online as a member; true when the member just came online. */
    synchronized boolean attach(String personaId, Connection connection) {
        if (!members.containsKey(personaId)) return false;
        Set<Connection> sockets = followers.computeIfAbsent(personaId, unused -> new HashSet<>());
        return sockets.add(connection) && sockets.size() == 1;
    }

    /** Stops sending the channel to a socket; true when the member just went offline. */
    synchronized boolean detach(String personaId, Connection connection) {
        Set<Connection> sockets = followers.get(personaId);
        if (sockets == null || !sockets.remove(connection)) return false;
        if (!sockets.isEmpty()) return false;
        followers.remove(personaId);
        return true;
    }

    /** Every socket following the channel, each once. */
    synchronized List<Connection> audience() {
        Set<Connection> all = new HashSet<>();
        followers.values().forEach(all::addAll);
        return new ArrayList<>(all);
    }

    /** The sockets online as one member. */
    synchronized List<Connection> socketsOf(String personaId) {
        return List.copyOf(followers.getOrDefault(personaId, Set.of()));
    }

    synchronized Presence presence(String personaId) {
        Set<Connection> sockets = followers.get(personaId);
        if (sockets == null || sockets.isEmpty()) return Presence.OFFLINE;
        boolean online = sockets.stream()
                .anyMatch(socket -> socket.personasInUse().get(personaId) == Presence.ONLINE);
        return online ? Presence.ONLINE : Presence.AWAY;
    }

    /** The members that are personas of the account. */
    synchronized List<Persona> membersOf(String accountId) {
        return members.values().stream().filter(persona -> persona.accountId().equals(accountId)).toList();
    }

    synchronized Views.Member member(String personaId) {
        Persona persona = members.get(personaId);
        return new Views.Member(persona.id(), persona.name(), presence(personaId), persona.id().equals(owner));
    }

    synchronized List<Views.Member> memberViews() {
        return members.keySet().stream().map(this::member).toList();
    }
}
