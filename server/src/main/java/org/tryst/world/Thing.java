package org.tryst.world;

import java.util.Optional;

/** An object of the world; a fixed one ({@code portable} false) cannot be picked up. */
public record Thing(String id, String name, String description, Place place, boolean portable, Optional<String> owner) {}
