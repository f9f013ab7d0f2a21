package org.tryst.world;

import java.util.Optional;

/** A place in the world; {@code owner} is a persona id, empty for the shipped area and operators' rooms. */
public record Room(String id, String name, String description, Optional<String> owner, Rating rating, Optional<String> lock) {}
