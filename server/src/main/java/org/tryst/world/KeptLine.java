package org.tryst.world;

/**
 * A line of the world as the server keeps it, within the history retention: its room (null for a
 * page), kind, author and addressee (persona ids; no addressee unless whispered or paged), text and time.
 */
public record KeptLine(String id, String room, String kind, String author, String to, String text, long at) {}
