package org.tryst.personas;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.testkit.Wire;

/**
 * Personas' pictures as people meet them: re-encoded so that nothing the file carried survives,
 * shown to those logged in by a hash they may keep, refused when they are not pictures of a sane
 * size or not the sender's persona, and gone when their owner, a moderator or a deletion takes them.
 * A new picture, or its removal, reaches the channels of the persona at once, in their member lists,
 * their history and their new lines, except where a block hides the persona.
 */
abstract class AvatarContract {
    private static final String CANARY = "CANARY-51.5007N-0.1246W-Nikon";
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final AtomicInteger CHANNELS = new AtomicInteger();

    abstract TestServer server();

    /** Someone logged in on a raw socket, speaking as one persona. */
    private record Person(TestServer.User user, Wire wire, Views.Persona persona) {
        ServerMessage request(Function<String, ClientMessage> build) {
            String id = wire.nextId();
            wire.send(build.apply(id));
            return wire.expect(ServerMessage.Reply.class, reply -> id.equals(reply.id()));
        }

        Views.Persona avatar(byte[] image) {
            return ((ServerMessage.PersonaInfo) request(id -> new ClientMessage.AvatarSet(id, persona.id(),
                    image == null ? null : Base64.getEncoder().encodeToString(image)))).persona();
        }

        String refused(byte[] image) {
            return ((ServerMessage.Error) request(id -> new ClientMessage.AvatarSet(id, persona.id(),
                    Base64.getEncoder().encodeToString(image)))).message();
        }

        /** Opens a channel of a fresh name. */
        String create() {
            String channel = "pictures-" + CHANNELS.incrementAndGet();
            request(id -> new ClientMessage.ChannelCreate(id, persona.id(), channel, null));
            return channel;
        }

        Views.Joined join(String channel) {
            return ((ServerMessage.ChannelJoined) request(id -> new ClientMessage.ChannelJoin(id, persona.id(), channel))).channel();
        }

        void say(String channel, String text) {
            request(id -> new ClientMessage.Say(id, persona.id(), channel, text));
        }

        /** The line with this text, once it arrives. */
        Views.Message hears(String text) {
            return wire.expect(ServerMessage.ChannelMessage.class, heard -> heard.message().text().equals(text)).message();
        }

        /** The next news of the persona's picture in the channel. */
        Views.Member updated(String channel, Person whose) {
            return wire.expect(ServerMessage.MemberUpdated.class, news -> news.channel().equals(channel)
                    && news.member().id().equals(whose.persona().id())).member();
        }

        Views.Member member(String channel, Person whose) {
            return ((ServerMessage.Members) request(id -> new ClientMessage.MembersList(id, channel))).members().stream()
                    .filter(member -> member.id().equals(whose.persona().id())).findFirst().orElseThrow();
        }

        List<Views.Message> history(String channel) {
            return ((ServerMessage.History) request(id -> new ClientMessage.HistoryFetch(id, persona.id(), channel, null, null))).messages();
        }
    }

    private Person person(String name) {
        TestServer.User user = server().register(name.toLowerCase());
        Wire wire = server().connect(user);
        return new Person(user, wire, TestServer.persona(wire, name));
    }

    /** Someone made a moderator, on a socket opened after, as roles are read at hello. */
    private Person moderator() throws java.sql.SQLException {
        Person moderator = person("Moderator");
        try (var sql = server().database(); var update = sql.prepareStatement("UPDATE accounts SET role = 'moderator' WHERE username = ?")) {
            update.setString(1, moderator.user().username());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        return new Person(moderator.user(), server().connect(moderator.user()), moderator.persona());
    }

    private HttpResponse<byte[]> fetch(String hash, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server().http("/api/avatars/" + hash));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A photograph as a phone takes it: a JPEG with an EXIF block (where the position and camera go) and a comment. */
    static byte[] photographWithMetadata(int width, int height) throws IOException {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D canvas = picture.createGraphics();
        canvas.setColor(new Color(0x8a, 0x3b, 0x5c));
        canvas.fillRect(0, 0, width, height);
        canvas.setColor(Color.WHITE);
        canvas.fillOval(width / 4, height / 4, width / 2, height / 2);
        canvas.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        byte[] exif = ("Exif\0\0GPSLatitude " + CANARY).getBytes(StandardCharsets.ISO_8859_1);
        byte[] comment = ("taken at " + CANARY).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        tagged.write(jpeg, 0, 2);
        segment(tagged, 0xE1, exif);
        segment(tagged, 0xFE, comment);
        tagged.write(jpeg, 2, jpeg.length - 2);
        return tagged.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
        out.write(0xFF);
        out.write(marker);
        int length = body.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(body);
    }

    /** A picture of one colour, 64 pixels square. */
    private static byte[] painted(int rgb) throws IOException {
        BufferedImage picture = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D canvas = picture.createGraphics();
        canvas.setColor(new Color(rgb));
        canvas.fillRect(0, 0, 64, 64);
        canvas.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", out);
        return out.toByteArray();
    }

    private static byte[] png(int width, int height, int type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, type), "png", out);
        return out.toByteArray();
    }

    @Test
    void aPhotographIsReencodedWithoutWhatItsFileCarriedAndShownToThoseLoggedIn() throws Exception {
        Person alice = person("Alice");
        Person bob = person("Bob");
        byte[] photograph = photographWithMetadata(800, 600);
        assertThat(new String(photograph, StandardCharsets.ISO_8859_1)).contains(CANARY);

        Views.Persona shown = alice.avatar(photograph);
        assertThat(shown.avatar()).matches("[A-Za-z0-9_-]{43}");
        var seen = (ServerMessage.PersonaInfo) bob.request(id -> new ClientMessage.PersonaShow(id, alice.persona().name()));
        assertThat(seen.persona().avatar()).isEqualTo(shown.avatar());

        HttpResponse<byte[]> image = fetch(shown.avatar(), bob.user().token());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(image.headers().firstValue("Cache-Control")).contains("private, max-age=31536000, immutable");
        assertThat(new String(image.body(), StandardCharsets.ISO_8859_1)).doesNotContain(CANARY).doesNotContain("Exif");
        assertThat(HexFormat.of().formatHex(image.body())).doesNotContain("ffe1").doesNotContain("fffe");
        BufferedImage avatar = ImageIO.read(new ByteArrayInputStream(image.body()));
        assertThat(avatar.getWidth()).isEqualTo(256);
        assertThat(avatar.getHeight()).isEqualTo(256);
        assertThat(new Color(avatar.getRGB(128, 128))).as("the middle of the picture is still there").satisfies(middle ->
                assertThat(middle.getRed() + middle.getGreen() + middle.getBlue()).isGreaterThan(600));

        assertThat(fetch(shown.avatar(), null).statusCode()).as("not without a session").isEqualTo(401);
        assertThat(fetch("A".repeat(43), bob.user().token()).statusCode()).isEqualTo(404);
        assertThat(fetch("../../etc/passwd", bob.user().token()).statusCode()).isEqualTo(404);
        try (var files = server().database(); var rows = files.createStatement().executeQuery("SELECT image FROM avatars")) {
            while (rows.next()) assertThat(new String(rows.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain(CANARY);
        }
    }

    @Test
    void whatIsNotAPictureOfASaneSizeOrNotTheSendersPersonaIsRefusedAndChangesNothing() throws Exception {
        Person alice = person("Carol");
        Person mallory = person("Mallory");
        assertThat(alice.refused("hello, I am not a picture".getBytes(StandardCharsets.UTF_8))).isEqualTo("an avatar is a PNG, JPEG or GIF picture");
        assertThat(alice.refused(png(4_000, 4_000, BufferedImage.TYPE_BYTE_BINARY))).as("a tiny file of an enormous picture")
                .isEqualTo("an avatar is 32 to 2048 pixels a side");
        assertThat(alice.refused(png(8, 8, BufferedImage.TYPE_INT_RGB))).isEqualTo("an avatar is 32 to 2048 pixels a side");
        byte[] truncated = java.util.Arrays.copyOf(photographWithMetadata(300, 300), 400);
        assertThat(alice.refused(truncated)).isEqualTo("that picture could not be read");
        String small = Base64.getEncoder().encodeToString(png(64, 64, BufferedImage.TYPE_INT_RGB));
        var theft = (ServerMessage.Error) mallory.request(id -> new ClientMessage.AvatarSet(id, alice.persona().id(), small));
        assertThat(theft.code()).isEqualTo("not_your_persona");
        mallory.wire().sendJson("{\"type\":\"persona.avatar\",\"id\":\"big\",\"persona\":\"" + mallory.persona().id() + "\",\"image\":\""
                + Base64.getEncoder().encodeToString(new byte[ClientMessage.MAX_AVATAR_BYTES + 1]) + "\"}");
        assertThat(mallory.wire().expectError("invalid_message").message()).contains("image is larger than 45000 bytes");

        var shown = (ServerMessage.PersonaInfo) mallory.request(id -> new ClientMessage.PersonaShow(id, alice.persona().name()));
        assertThat(shown.persona().avatar()).isNull();
    }

    @Test
    void anAvatarGoesWhenItsOwnerTakesItAwayAModeratorRemovesItOrThePersonaIsDeleted() throws Exception {
        Person dana = person("Dana");
        String first = dana.avatar(png(64, 64, BufferedImage.TYPE_INT_ARGB)).avatar();
        assertThat(fetch(first, dana.user().token()).headers().firstValue("Content-Type")).contains("image/png");
        assertThat(dana.avatar(null).avatar()).isNull();
        assertThat(fetch(first, dana.user().token()).statusCode()).as("no persona has it any more").isEqualTo(404);

        String second = dana.avatar(photographWithMetadata(400, 400)).avatar();
        Person desk = moderator();
        assertThat(desk.request(id -> new ClientMessage.ModAct(id, "remove-avatar", dana.persona().id(), null, null, "not a face", null, null)))
                .isInstanceOf(ServerMessage.Ok.class);
        var shown = (ServerMessage.PersonaInfo) desk.request(id -> new ClientMessage.PersonaShow(id, dana.persona().name()));
        assertThat(shown.persona().avatar()).isNull();
        assertThat(fetch(second, desk.user().token()).statusCode()).isEqualTo(404);
        var audit = (ServerMessage.Audit) desk.request(id -> new ClientMessage.ModAudit(id, 5));
        assertThat(audit.entries()).anySatisfy(entry -> assertThat(entry.action()).startsWith("remove-avatar"));

        String third = dana.avatar(png(64, 64, BufferedImage.TYPE_INT_RGB)).avatar();
        dana.request(id -> new ClientMessage.PersonaDelete(id, dana.persona().id()));
        assertThat(fetch(third, desk.user().token()).statusCode()).isEqualTo(404);
    }

    // Pictures are stored once per content: each test below paints its own colour, so that deleting one's picture leaves no other's.
    @Test
    void aNewPictureReachesTheChannelAtOnceAndShowsInItsMembersItsHistoryAndItsNewLines() throws Exception {
        Person alice = person("Ash");
        Person bob = person("Birch");
        String channel = alice.create();
        bob.join(channel);
        alice.say(channel, "before the picture");
        assertThat(bob.hears("before the picture").persona().avatar()).as("no picture yet, and none on the wire").isNull();

        String picture = alice.avatar(painted(0x2f6f5e)).avatar();
        Views.Member shown = bob.updated(channel, alice);
        assertThat(shown).isEqualTo(new Views.Member(alice.persona().id(), alice.persona().name(), shown.status(), true, picture, null));
        assertThat(alice.updated(channel, alice).avatar()).as("the persona's own sockets too").isEqualTo(picture);
        assertThat(bob.member(channel, alice).avatar()).isEqualTo(picture);
        assertThat(bob.history(channel)).singleElement().satisfies(line -> {
            assertThat(line.text()).isEqualTo("before the picture");
            assertThat(line.persona()).as("a stored line shows its author as it is now")
                    .isEqualTo(new Views.Author(alice.persona().id(), alice.persona().name(), picture));
        });
        alice.say(channel, "after the picture");
        assertThat(bob.hears("after the picture").persona().avatar()).isEqualTo(picture);

        Person carol = person("Cedar");
        Views.Joined joined = carol.join(channel);
        assertThat(joined.members()).filteredOn(member -> member.id().equals(alice.persona().id()))
                .extracting(Views.Member::avatar).containsExactly(picture);
        assertThat(joined.history()).extracting(line -> line.persona().avatar()).containsOnly(picture);

        // A picture refused changes nothing anywhere: the next news in the channel is a line, not a picture.
        assertThat(alice.refused("not a picture".getBytes(StandardCharsets.UTF_8))).isEqualTo("an avatar is a PNG, JPEG or GIF picture");
        alice.say(channel, "still the same");
        bob.hears("still the same");
        bob.wire().expectNo(ServerMessage.MemberUpdated.class, Duration.ZERO);
        assertThat(bob.member(channel, alice).avatar()).isEqualTo(picture);

        // Taken away by its owner, it goes from the channel at once.
        assertThat(alice.avatar(null).avatar()).isNull();
        assertThat(bob.updated(channel, alice).avatar()).isNull();
        assertThat(carol.updated(channel, alice).avatar()).isNull();
        assertThat(bob.history(channel)).extracting(line -> line.persona().avatar()).containsOnlyNulls();
    }

    @Test
    void someoneABlockSeparatesFromThePersonaHearsNothingOfItsPicture() throws Exception {
        Person alice = person("Elm");
        Person bob = person("Fern");
        Person carol = person("Gorse");
        String channel = alice.create();
        bob.join(channel);
        carol.join(channel);
        alice.request(id -> new ClientMessage.Block(id, carol.persona().id(), BlockScope.PERSONA));
        carol.wire().expect(ServerMessage.MemberLeft.class, left -> left.persona().equals(alice.persona().id()));

        String picture = alice.avatar(painted(0x6f2f5e)).avatar();
        assertThat(bob.updated(channel, alice).avatar()).isEqualTo(picture);
        // Bob speaks after he heard of the picture; once his line reaches Carol, any news of it would have too.
        bob.say(channel, "a new picture, Elm");
        carol.hears("a new picture, Elm");
        carol.wire().expectNo(ServerMessage.MemberUpdated.class, Duration.ZERO);
        var hidden = (ServerMessage.Error) carol.request(id -> new ClientMessage.PersonaShow(id, alice.persona().name()));
        assertThat(hidden.code()).isEqualTo("not_found");
    }

    @Test
    void aModeratorRemovingAPictureClearsItInTheChannelsAtOnce() throws Exception {
        Person alice = person("Hazel");
        Person bob = person("Iris");
        String channel = alice.create();
        bob.join(channel);
        String picture = alice.avatar(painted(0x5e6f2f)).avatar();
        assertThat(bob.updated(channel, alice).avatar()).isEqualTo(picture);
        assertThat(alice.updated(channel, alice).avatar()).isEqualTo(picture);
        alice.say(channel, "with a picture");
        assertThat(bob.hears("with a picture").persona().avatar()).isEqualTo(picture);

        Person desk = moderator();
        assertThat(desk.request(id -> new ClientMessage.ModAct(id, "remove-avatar", alice.persona().id(), null, null, "not a face", null, null)))
                .isInstanceOf(ServerMessage.Ok.class);
        assertThat(bob.updated(channel, alice).avatar()).isNull();
        assertThat(alice.updated(channel, alice).avatar()).isNull();
        assertThat(bob.member(channel, alice).avatar()).isNull();
        assertThat(bob.history(channel)).extracting(line -> line.persona().avatar()).containsOnlyNulls();
        alice.say(channel, "without one");
        assertThat(bob.hears("without one").persona().avatar()).isNull();
    }
}
