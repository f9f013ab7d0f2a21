package org.tryst.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.protocol.Answer;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.Presence;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * "Download my data" as a person gets it: a zip of the account's own data, and nothing of anyone
 * else's even where the two meet (a shared channel, a report of one by the other, a block).
 */
class DataExportTest {
    @RegisterExtension
    static final TestServer SERVER = TestServer.sqlite();

    @Test
    void theExportHoldsTheAccountsOwnDataAndNobodyElses() throws IOException {
        TestServer.User rowanUser = SERVER.register("rowan");
        Wire rowan = SERVER.connect(rowanUser);
        Views.Persona rowanPersona = TestServer.persona(rowan, "Rowan");
        TestServer.User sageUser = SERVER.register("sage");
        Wire sage = SERVER.connect(sageUser);
        Views.Persona sagePersona = TestServer.persona(sage, "Sage");
        String channel = TestServer.uniqueName("export-room-");
        request(rowan, id -> new ClientMessage.ChannelCreate(id, rowanPersona.id(), channel, ""));
        request(sage, id -> new ClientMessage.ChannelJoin(id, sagePersona.id(), channel));

        String mine = "rowan's own line about the lighthouse " + System.nanoTime();
        String theirs = "sage's line that is not rowan's to take " + System.nanoTime();
        request(rowan, id -> new ClientMessage.Say(id, rowanPersona.id(), channel, mine, null));
        ServerMessage.Sent sent = (ServerMessage.Sent) request(sage, id -> new ClientMessage.Say(id, sagePersona.id(), channel, theirs, null));
        request(rowan, id -> new ClientMessage.BoundariesSet(id, rowanPersona.id(), Map.of("romance", Answer.YES), "slow, please"));
        request(rowan, id -> new ClientMessage.StatusSet(id, rowanPersona.id(), Presence.LOOKING, "up for letters"));
        request(rowan, id -> new ClientMessage.ReportChannel(id, rowanPersona.id(), channel, sent.message(), "harassment", "my note"));
        request(rowan, id -> new ClientMessage.Block(id, sagePersona.id(), BlockScope.PERSONA));
        request(sage, id -> new ClientMessage.BoundariesSet(id, sagePersona.id(), Map.of("romance", Answer.NO), "sage's private notes"));

        Map<String, String> files = unzip(export(rowanUser.token()));
        assertThat(files.keySet()).containsExactlyInAnyOrder("README.txt", "account.json", "personas.json", "channel_lines.json",
                "world_lines.json", "invitations.json", "reports.json", "blocks.json");
        JsonNode account = Codec.mapper().readTree(files.get("account.json"));
        assertThat(account.get("username").asText()).isEqualTo(rowanUser.username());
        assertThat(account.get("sessions")).hasSize(1);
        JsonNode persona = Codec.mapper().readTree(files.get("personas.json")).get(0);
        assertThat(persona.get("name").asText()).isEqualTo(rowanPersona.name());
        assertThat(persona.get("status_line").asText()).isEqualTo("up for letters");
        assertThat(persona.get("boundary_notes").get(0).get("notes").asText()).isEqualTo("slow, please");
        assertThat(files.get("channel_lines.json")).contains(mine);
        assertThat(files.get("reports.json")).contains("harassment").contains("my note");
        assertThat(files.get("blocks.json")).contains(sagePersona.name());

        String everything = String.join("\n", files.values());
        assertThat(everything).as("nothing of the other account").doesNotContain(theirs).doesNotContain("sage's private notes")
                .doesNotContain(sageUser.username()).doesNotContain(rowanUser.token()).doesNotContain("password_hash").doesNotContain("$argon2id");
    }

    @Test
    void theExportIsForTheSessionsOwnerOnly() throws IOException {
        assertThat(get("/api/export", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/export", "not-a-token").statusCode()).isEqualTo(401);
        TestServer.User user = SERVER.register("exporter");
        assertThat(SERVER.post("/api/export", Map.of(), user.token()).statusCode()).isEqualTo(405);
        HttpResponse<byte[]> ok = get("/api/export", user.token());
        assertThat(ok.headers().firstValue("content-type")).hasValue("application/zip");
        assertThat(ok.headers().firstValue("content-disposition")).hasValueSatisfying(value -> assertThat(value).contains(user.username()));
        assertThat(ok.headers().firstValue("cache-control")).hasValue("no-store");
    }

    private static ServerMessage request(Wire wire, java.util.function.Function<String, ClientMessage> build) {
        String id = wire.nextId();
        wire.send(build.apply(id));
        ServerMessage reply = wire.expect(ServerMessage.Reply.class, answer -> id.equals(answer.id()));
        assertThat(reply).isNotInstanceOf(ServerMessage.Error.class);
        return reply;
    }

    private static byte[] export(String token) {
        HttpResponse<byte[]> response = get("/api/export", token);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<byte[]> get(String path, String token) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVER.http(path).toString())).GET();
            if (token != null) request.header("Authorization", "Bearer " + token);
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                files.put(entry.getName(), new String(entries.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
