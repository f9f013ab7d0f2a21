package org.tryst.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web client's types of the text world (web/src/api/protocol.ts) name exactly the fields of
 * the Java records the server writes, so that a field renamed or added on one side fails the build.
 */
class WebWorldTypesTest {
    private static final Path TYPES = Path.of("..", "web", "src", "api", "protocol.ts");
    private static final Pattern FIELD = Pattern.compile("([A-Za-z]+)\\??:");

    @Test
    void everyWorldMessageIsInTheUnionWithTheRecordsFields() throws IOException {
        String types = code(Files.readString(TYPES));
        List<Class<?>> world = Arrays.stream(ServerMessage.class.getAnnotation(JsonSubTypes.class).value())
                .<Class<?>>map(JsonSubTypes.Type::value)
                .filter(type -> type.getAnnotation(JsonTypeName.class).value().startsWith("world."))
                .toList();
        assertThat(world).hasSize(12);
        for (Class<?> message : world) {
            String name = message.getAnnotation(JsonTypeName.class).value();
            int at = types.indexOf("{ type: \"" + name + "\"");
            assertThat(at).as("%s in WorldMessage", name).isNotNegative();
            List<String> expected = new ArrayList<>(components(message));
            expected.add("type");
            assertThat(fields(types, at)).as("the fields of %s", name).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void everyViewOfTheWorldHasTheRecordsFields() throws IOException {
        String types = code(Files.readString(TYPES));
        for (Class<?> view : List.of(Views.RoomView.class, Views.ExitView.class, Views.ThingView.class, Views.Occupant.class,
                Views.WorldLine.class, Views.Looked.class, Views.WhoEntry.class)) {
            int at = types.indexOf("export interface " + view.getSimpleName() + " {");
            assertThat(at).as("interface %s", view.getSimpleName()).isNotNegative();
            assertThat(fields(types, types.indexOf('{', at))).as("the fields of %s", view.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(components(view));
        }
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** The TypeScript without its comments. */
    private static String code(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    /** The field names of the object type whose brace opens at {@code open}: those at its own depth, not of types within it. */
    private static List<String> fields(String types, int open) {
        StringBuilder own = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < types.length(); i++) {
            char c = types.charAt(i);
            if (c == '"') quoted = !quoted;
            if (!quoted && c == '{') depth++;
            if (!quoted && c == '}' && --depth == 0) break;
            own.append(depth == 1 && !quoted && c != '"' ? c : ' ');
        }
        List<String> names = new ArrayList<>();
        Matcher field = FIELD.matcher(own);
        while (field.find()) names.add(field.group(1));
        return names;
    }
}
