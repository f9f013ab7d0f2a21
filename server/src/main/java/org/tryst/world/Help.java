package org.tryst.world;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;

/** The world's help: one page per topic, written once for every transport, from {@code world/help.txt}. */
final class Help {
    /** Words that find a page under another topic's name. */
    private static final Map<String, String> ALSO = Map.ofEntries(Map.entry("l", "look"), Map.entry("examine", "look"),
            Map.entry("move", "go"), Map.entry("exits", "go"), Map.entry("\"", "say"), Map.entry(":", "pose"),
            Map.entry("semipose", "pose"), Map.entry("emote", "pose"), Map.entry("@emit", "emit"), Map.entry("p", "page"),
            Map.entry("where", "who"), Map.entry("inv", "inventory"), Map.entry("i", "inventory"), Map.entry("take", "get"),
            Map.entry("drop", "get"), Map.entry("give", "get"), Map.entry("@describe", "describe"), Map.entry("@desc", "describe"),
            Map.entry("@adult", "adult"), Map.entry("@dig", "building"), Map.entry("@open", "building"),
            Map.entry("@create", "building"), Map.entry("@name", "building"), Map.entry("@rating", "building"),
            Map.entry("@link", "building"), Map.entry("@destroy", "building"), Map.entry("@undo", "building"),
            Map.entry("@lock", "locks"), Map.entry("@unlock", "locks"), Map.entry("lock", "locks"), Map.entry("@eject", "moderation"),
            Map.entry("scene", "scenes"), Map.entry("telnet", "scenes"), Map.entry("sdesc", "recog"), Map.entry("forget", "recog"),
            Map.entry("introduce", "recog"), Map.entry("intro", "recog"), Map.entry("recognition", "recog"));

    private final Map<String, String> pages;

    private Help(Map<String, String> pages) {
        this.pages = pages;
    }

    static Help shipped() {
        try (InputStream in = Help.class.getResourceAsStream("/world/help.txt")) {
            return new Help(pages(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("the world's help is missing", e);
        }
    }

    private static Map<String, String> pages(String text) {
        Map<String, String> pages = new LinkedHashMap<>();
        String topic = null;
        StringBuilder page = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("# ")) {
                if (topic != null) pages.put(topic, page.toString().strip());
                topic = line.substring(2).strip();
                page.setLength(0);
            } else {
                page.append(line).append('\n');
            }
        }
        if (topic != null) pages.put(topic, page.toString().strip());
        return pages;
    }

    ServerMessage.WorldHelp page(String topic, String requestId) {
        String wanted = topic == null ? "help" : ALSO.getOrDefault(topic, topic);
        String page = pages.get(wanted);
        if (page == null) throw new ProtocolException(ErrorCode.NOT_FOUND, "there is no help on \"" + topic + "\"; help lists the topics");
        return new ServerMessage.WorldHelp(requestId, wanted, page, new ArrayList<>(pages.keySet()));
    }
}
