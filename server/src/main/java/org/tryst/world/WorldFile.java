package org.tryst.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The world as a TOML file an operator reads and edits: {@code start}, then {@code [[rooms]]},
 * {@code [[exits]]} and {@code [[things]]}. Reading checks everything a file alone can tell (ids,
 * references between entries, sizes, ratings) and names the entry at fault; writing is stable, so
 * a file exported, imported and exported again is the same file.
 */
public final class WorldFile {
    private static final TomlMapper TOML = new TomlMapper();

    private WorldFile() {}

    /** Reads a world file; {@link InvalidWorld} names the line or entry and what is wrong. */
    public static Snapshot read(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > WorldLimits.MAX_FILE_BYTES) {
            throw new InvalidWorld("the file is larger than " + WorldLimits.MAX_FILE_BYTES / (1024 * 1024) + " MiB");
        }
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidWorld(line(e) + "not valid TOML: " + e.getOriginalMessage());
        }
        Entry top = new Entry("the file", root);
        top.only("start", "rooms", "exits", "things");
        String start = top.text("start", true).orElseThrow();
        List<Room> rooms = new ArrayList<>();
        Set<String> roomIds = new HashSet<>();
        Map<Integer, String> numbered = new HashMap<>();
        for (Entry entry : top.entries("rooms")) {
            entry.only("id", "name", "description", "rating", "owner", "lock");
            String id = entry.id(roomIds);
            String alike = numbered.putIfAbsent(Room.mapNumber(id), id);
            if (alike != null) {
                throw entry.wrong("id \"" + id + "\" gives the same map number as room \"" + alike
                        + "\", so MUD clients' mappers would take them for one room; change either id");
            }
            String word = entry.text("rating", true).orElseThrow();
            Rating rating = Rating.of(word).orElseThrow(() -> entry.wrong("rating \"" + word + "\" is not general, mature or adult"));
            rooms.add(new Room(id, entry.name("name"), entry.description(), entry.text("owner", false), rating, entry.lock()));
        }
        if (!roomIds.contains(start)) throw new InvalidWorld("start: there is no room \"" + start + "\"");
        List<Exit> exits = new ArrayList<>();
        Set<String> exitIds = new HashSet<>();
        Map<String, Set<String>> wordsByRoom = new HashMap<>();
        for (Entry entry : top.entries("exits")) {
            entry.only("id", "from", "to", "name", "aliases", "lock");
            String id = entry.id(exitIds);
            String from = entry.room("from", roomIds);
            String to = entry.room("to", roomIds);
            List<String> words = new ArrayList<>(List.of(entry.word(entry.text("name", true).orElseThrow(), "name")));
            List<String> aliases = entry.aliases();
            words.addAll(aliases);
            Set<String> taken = wordsByRoom.computeIfAbsent(from, room -> new HashSet<>());
            for (String word : words) {
                if (!taken.add(word.toLowerCase(Locale.ROOT))) {
                    throw entry.wrong("\"" + word + "\" already names another exit of room \"" + from + "\"");
                }
            }
            exits.add(new Exit(id, from, words.getFirst(), aliases, to, entry.lock()));
        }
        List<Thing> things = new ArrayList<>();
        Set<String> thingIds = new HashSet<>();
        for (Entry entry : top.entries("things")) {
            entry.only("id", "name", "description", "room", "carried_by", "portable", "owner");
            String id = entry.id(thingIds);
            Optional<String> carrier = entry.text("carried_by", false);
            boolean inRoom = entry.node.has("room");
            if (inRoom == carrier.isPresent()) throw entry.wrong("give exactly one of room or carried_by");
            Place place = inRoom ? new Place.InRoom(entry.room("room", roomIds)) : new Place.CarriedBy(carrier.get());
            things.add(new Thing(id, entry.name("name"), entry.description(), place, entry.flag("portable"), entry.text("owner", false)));
        }
        if (rooms.size() + exits.size() + things.size() > WorldLimits.MAX_ENTRIES) {
            throw new InvalidWorld("more than " + WorldLimits.MAX_ENTRIES + " rooms, exits and things");
        }
        return new Snapshot(start, rooms, exits, things);
    }

    /** The line a syntax error is on; the parser stands past the new line that ended it when it finds out. */
    private static String line(JsonProcessingException e) {
        var where = e.getLocation();
        if (where == null || where.getLineNr() < 1) return "";
        return "line " + (where.getColumnNr() <= 1 && where.getLineNr() > 1 ? where.getLineNr() - 1 : where.getLineNr()) + ": ";
    }

    /** Writes a world as a file that {@link #read} gives back exactly. */
    public static String write(Snapshot world) {
        StringBuilder out = new StringBuilder("# The Tryst world: ./tryst admin world import FILE replaces the world with this file.\n");
        out.append("start = ").append(quoted(world.start())).append('\n');
        for (Room room : world.rooms()) {
            out.append("\n[[rooms]]\n");
            key(out, "id", room.id());
            key(out, "name", room.name());
            key(out, "rating", room.rating().word());
            room.owner().ifPresent(owner -> key(out, "owner", owner));
            room.lock().ifPresent(lock -> key(out, "lock", lock));
            key(out, "description", room.description());
        }
        for (Exit exit : world.exits()) {
            out.append("\n[[exits]]\n");
            key(out, "id", exit.id());
            key(out, "from", exit.from());
            key(out, "name", exit.name());
            out.append("aliases = [").append(String.join(", ", exit.aliases().stream().map(WorldFile::quoted).toList())).append("]\n");
            key(out, "to", exit.to());
            exit.lock().ifPresent(lock -> key(out, "lock", lock));
        }
        for (Thing thing : world.things()) {
            out.append("\n[[things]]\n");
            key(out, "id", thing.id());
            key(out, "name", thing.name());
            switch (thing.place()) {
                case Place.InRoom(String room) -> key(out, "room", room);
                case Place.CarriedBy(String persona) -> key(out, "carried_by", persona);
            }
            out.append("portable = ").append(thing.portable()).append('\n');
            thing.owner().ifPresent(owner -> key(out, "owner", owner));
            key(out, "description", thing.description());
        }
        return out.toString();
    }

    private static void key(StringBuilder out, String key, String value) {
        out.append(key).append(" = ");
        // Text of several lines is written as such, for an operator to edit in place.
        if (value.contains("\n")) out.append("\"\"\"\n").append(escaped(value, true)).append("\"\"\"");
        else out.append(quoted(value));
        out.append('\n');
    }

    private static String quoted(String value) {
        return '"' + escaped(value, false) + '"';
    }

    /** TOML's basic-string escapes; in a multi-line string, new lines and tabs stay as they are. */
    private static String escaped(String value, boolean multiline) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append(multiline ? "\n" : "\\n");
                case '\t' -> out.append(multiline ? "\t" : "\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) out.append(String.format("\\u%04X", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** One table of the file, named in errors by its list and position ("rooms #3, id garden"). */
    private record Entry(String where, JsonNode node) {
        InvalidWorld wrong(String problem) {
            return new InvalidWorld(where + ": " + problem);
        }

        void only(String... keys) {
            if (!node.isObject()) throw wrong("is not a table");
            Set<String> known = Set.of(keys);
            for (var names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) throw wrong("unknown key \"" + name + "\"");
            }
        }

        List<Entry> entries(String list) {
            JsonNode items = node.get(list);
            if (items == null) return List.of();
            if (!items.isArray()) throw wrong(list + " must be a list of tables, [[" + list + "]]");
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                JsonNode id = item.get("id");
                entries.add(new Entry(list + " #" + (i + 1) + (id != null && id.isTextual() ? " (id " + id.asText() + ")" : ""), item));
            }
            return entries;
        }

        Optional<String> text(String key, boolean required) {
            JsonNode value = node.get(key);
            if (value == null) {
                if (required) throw wrong("missing " + key);
                return Optional.empty();
            }
            if (!value.isTextual()) throw wrong(key + " must be a string");
            return Optional.of(value.asText());
        }

        String id(Set<String> seen) {
            String id = text("id", true).orElseThrow();
            if (!WorldLimits.ID.matcher(id).matches()) {
                throw wrong("id \"" + id + "\" must be 1 to 64 lower-case letters, digits and inner dashes");
            }
            if (!seen.add(id)) throw wrong("id \"" + id + "\" is used twice");
            return id;
        }

        String room(String key, Set<String> rooms) {
            String room = text(key, true).orElseThrow();
            if (!rooms.contains(room)) throw wrong(key + ": there is no room \"" + room + "\"");
            return room;
        }

        String name(String key) {
            String name = text(key, true).orElseThrow();
            if (name.isBlank() || name.length() > WorldLimits.MAX_NAME) throw wrong(key + " must be 1 to " + WorldLimits.MAX_NAME + " characters");
            if (name.chars().anyMatch(Character::isISOControl)) throw wrong(key + " must be one line without control characters");
            return name;
        }

        String description() {
            String text = text("description", true).orElseThrow();
            if (text.length() > WorldLimits.MAX_DESCRIPTION) {
                throw wrong("description is " + text.length() + " characters, at most " + WorldLimits.MAX_DESCRIPTION);
            }
            if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
                throw wrong("description has control characters");
            }
            return text;
        }

        Optional<String> lock() {
            Optional<String> lock = text("lock", false);
            if (lock.isPresent() && (lock.get().isBlank() || lock.get().length() > WorldLimits.MAX_LOCK
                    || lock.get().chars().anyMatch(Character::isISOControl))) {
                throw wrong("lock must be one line of 1 to " + WorldLimits.MAX_LOCK + " characters");
            }
            try {
                lock.ifPresent(Lock::parse);
            } catch (InvalidWorld invalid) {
                throw wrong(invalid.getMessage());
            }
            return lock;
        }

        String word(String word, String key) {
            if (!WorldLimits.WORD.matcher(word).matches()) throw wrong(key + " \"" + word + "\" must be one word of at most 32 characters");
            return word;
        }

        List<String> aliases() {
            JsonNode value = node.get("aliases");
            if (value == null) return List.of();
            if (!value.isArray() || value.size() > WorldLimits.MAX_ALIASES) {
                throw wrong("aliases must be a list of at most " + WorldLimits.MAX_ALIASES + " words");
            }
            List<String> aliases = new ArrayList<>();
            for (JsonNode alias : value) {
                if (!alias.isTextual()) throw wrong("aliases must be strings");
                aliases.add(word(alias.asText(), "alias"));
            }
            return aliases;
        }

        boolean flag(String key) {
            JsonNode value = node.get(key);
            if (value == null) throw wrong("missing " + key + " (true or false)");
            if (!value.isBoolean()) throw wrong(key + " must be true or false");
            return value.asBoolean();
        }
    }
}
