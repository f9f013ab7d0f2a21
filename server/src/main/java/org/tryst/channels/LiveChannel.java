package org.tryst.channels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tryst.personas.Persona;

/**
 * What this process keeps in memory of one channel, as the database has it: its topic, owner and
 * members. A change made on any process drops it everywhere, to be read again when next needed.
 * Who follows the channel live belongs to delivery, not here.
 */
final class LiveChannel {
    final String name;
    private String topic;
    private String owner;
    private final Map<String, Persona> members = new LinkedHashMap<>();

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

    synchronized java.util.Set<String> memberIds() {
        return java.util.Set.copyOf(members.keySet());
    }

    synchronized boolean isMember(String personaId) {
        return members.containsKey(personaId);
    }

    /** The member as this copy keeps it, or null when the persona is not one. */
    synchronized Persona member(String personaId) {
        return members.get(personaId);
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

    /** Takes the persona as it is now (a new picture, a status) in place of the copy kept, if it is still a member. */
    synchronized boolean refresh(Persona persona) {
        return members.computeIfPresent(persona.id(), (id, kept) -> persona) != null;
    }

    synchronized void remove(String personaId) {
        members.remove(personaId);
    }

    /** The members that are personas of the account. */
    synchronized List<Persona> membersOf(String accountId) {
        return members.values().stream().filter(persona -> persona.accountId().equals(accountId)).toList();
    }

    synchronized List<Persona> members() {
        return List.copyOf(members.values());
    }
}
