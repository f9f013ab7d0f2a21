package org.tryst.client.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.tryst.client.SceneEvent;

/**
 * The calls of scenes as a terminal follows them: who proposed one, who is in it and who said no,
 * from the call messages that travel inside the scene's encryption (docs/protocol.md, "Calls"). A
 * terminal can answer yes or no, so that a person can consent from here, but it sends and receives no
 * media: its yes says so, and the browsers offer it nothing.
 */
final class Calls {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scene's call: its id, and the personas in it and those who declined. */
    private record Call(String id, Set<String> in, Set<String> declined) {}

    private final Map<String, Call> calls = new ConcurrentHashMap<>();

    /** What a signal changes, as a line to show; empty for what a person need not see (offers, answers, candidates). */
    Optional<String> heard(SceneEvent.Signalled signal, Function<String, String> nameOf) {
        JsonNode message;
        try {
            message = JSON.readTree(signal.json());
        } catch (java.io.IOException unreadable) {
            return Optional.empty();
        }
        String kind = message.path("kind").asText();
        String callId = message.path("call").asText();
        if (callId.isEmpty()) return Optional.empty();
        String who = nameOf.apply(signal.persona());
        Call call = calls.get(signal.scene());
        if (kind.equals("call.propose")) {
            calls.put(signal.scene(), new Call(callId, new LinkedHashSet<>(Set.of(signal.persona())), new LinkedHashSet<>()));
            return Optional.of(who + " proposes a video call. /call yes or /call no: a terminal answers, but shows no video; "
                    + "use the web client to see and be seen.");
        }
        if (kind.equals("call.state") && call == null) return adopted(signal, message, callId, nameOf);
        if (call == null || !call.id().equals(callId)) return Optional.empty();
        return switch (kind) {
            case "call.yes" -> call.in().add(signal.persona()) ? Optional.of(who + " is in the call.") : Optional.empty();
            case "call.no" -> {
                call.in().remove(signal.persona());
                call.declined().add(signal.persona());
                yield Optional.of(who + " said no to the call.");
            }
            case "call.leave" -> {
                call.in().remove(signal.persona());
                if (call.in().isEmpty()) calls.remove(signal.scene());
                yield Optional.of(who + " left the call." + (call.in().isEmpty() ? " The call is over." : ""));
            }
            default -> Optional.empty();
        };
    }

    /** A call on since before this terminal came online, as one device in it tells it; only a sender in the call counts. */
    private Optional<String> adopted(SceneEvent.Signalled signal, JsonNode state, String callId, Function<String, String> nameOf) {
        Call call = new Call(callId, new LinkedHashSet<>(), new LinkedHashSet<>());
        for (JsonNode answer : state.path("answers")) {
            String persona = answer.path("persona").asText();
            switch (answer.path("answer").asText()) {
                case "yes" -> call.in().add(persona);
                case "no" -> call.declined().add(persona);
                default -> { }
            }
        }
        if (!call.in().contains(signal.persona())) return Optional.empty();
        calls.put(signal.scene(), call);
        return Optional.of("A video call is on. " + who(call, nameOf) + " /call yes or /call no answers it.");
    }

    /** The answer to send for the scene's call, or empty when there is none to answer. */
    Optional<String> answer(String sceneId, String personaId, boolean yes) {
        Call call = calls.get(sceneId);
        if (call == null) return Optional.empty();
        if (yes) {
            call.in().add(personaId);
            call.declined().remove(personaId);
        } else {
            call.in().remove(personaId);
            call.declined().add(personaId);
        }
        return Optional.of(yes ? "{\"kind\":\"call.yes\",\"call\":" + quoted(call.id()) + ",\"media\":false}"
                : "{\"kind\":\"call.no\",\"call\":" + quoted(call.id()) + "}");
    }

    /** Where the scene's call stands, in a sentence. */
    String state(String sceneId, Function<String, String> nameOf) {
        Call call = calls.get(sceneId);
        return call == null ? "There is no call in this scene." : "A call is on. " + who(call, nameOf);
    }

    private static String who(Call call, Function<String, String> nameOf) {
        String in = call.in().isEmpty() ? "nobody" : String.join(", ", call.in().stream().map(nameOf).toList());
        String declined = call.declined().isEmpty() ? "" : "; said no: " + String.join(", ", call.declined().stream().map(nameOf).toList());
        return "In it: " + in + declined + ".";
    }

    /** The scene's members changed or the scene ended: its call is over, as every member's client decides for itself. */
    Optional<String> ended(String sceneId) {
        return calls.remove(sceneId) == null ? Optional.empty() : Optional.of("The call ended: the scene's members changed. Propose again to go on.");
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
