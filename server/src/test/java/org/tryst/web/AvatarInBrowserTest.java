package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.css;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.joinChannel;
import static org.tryst.web.InBrowser.newcomer;
import static org.tryst.web.InBrowser.openFromList;
import static org.tryst.web.InBrowser.say;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tryst.TestServer;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.testkit.Browser;
import org.tryst.testkit.Wire;

/**
 * Personas' pictures in real Chromium: a photograph far past the server's limit, chosen in one
 * browser, is made small enough by the page and loads in another, as the server re-encoded it (256
 * pixels), on the profile and in the member list; removed, it goes. A picture with transparency
 * stays a PNG, one too small or no picture at all is refused with the rule, and a moderator
 * removes someone's picture with a reason. A new picture, and its removal, show in another browser
 * at once, in the member list and beside the lines already on its screen.
 */
class AvatarInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();
    @TempDir
    static Path files;

    /** A picture of noise over a gradient, which compresses badly, as a photograph does; transparent at its middle if asked. */
    private static byte[] picture(int width, int height, boolean transparent) throws IOException {
        BufferedImage image = new BufferedImage(width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Random noise = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + noise.nextInt(60)) & 0xff;
                int g = (y * 255 / height + noise.nextInt(60)) & 0xff;
                image.setRGB(x, y, 0xff000000 | r << 16 | g << 8 | 0x80);
            }
        }
        if (transparent) {
            Graphics2D canvas = image.createGraphics();
            canvas.setComposite(java.awt.AlphaComposite.Clear);
            canvas.setColor(new Color(0, 0, 0, 0));
            canvas.fillOval(width / 4, height / 4, width / 2, height / 2);
            canvas.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        return Files.write(files.resolve(name), bytes);
    }

    /** The natural width of the picture in the view with this alt text once it has loaded; 0 when it could not be. */
    private static int loadedWidth(Browser.Page page, String alt) {
        page.sees(role("img", alt).exactly());
        return page.evaluate("""
                (async () => {
                  const img = [...document.querySelectorAll('main img')].find((found) => found.alt === %s);
                  await img.decode().catch(() => undefined);
                  return img.naturalWidth;
                })()""".formatted('"' + alt + '"')).asInt();
    }

    @Test
    void aPictureChosenInOneBrowserLoadsInAnotherAndGoesWhenRemoved() throws IOException {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "studio");
        Browser.Page ben = browser.open(server.origin(), 390, 844);
        newcomer(ben, "ben", "Kit", "studio");
        String picture = "Picture of " + juno;

        openFromList(ann, "Profile of " + juno);
        byte[] photograph = picture(1600, 1200, false);
        assertThat(photograph.length).as("far past what the server takes").isGreaterThan(1_000_000);
        ann.upload(label("Choose a picture"), file("photograph.png", photograph));
        ann.sees(text(juno + "'s picture is saved."));
        assertThat(loadedWidth(ann, picture)).isEqualTo(256);
        ann.screenshot(SHOTS.resolve("picture.png"));

        ben.click(role("button", "Who is here"));
        ben.click(role("button", juno).exactly());
        ben.sees(role("heading", "Invite " + juno));
        assertThat(loadedWidth(ben, picture)).isEqualTo(256);
        ben.screenshot(SHOTS.resolve("profile-picture-phone.png"));
        openFromList(ben, "#studio");
        ben.click(role("button", "Who is here"));
        ben.sees(role("img", picture).within(role("dialog", "Who is here")));
        ben.screenshot(SHOTS.resolve("members-picture-phone.png"));
        ben.click(role("button", "Back to the messages"));

        ann.click(role("button", "Remove picture"));
        ann.sees(text(juno + " has no picture now."));
        ann.seesNo(role("img", picture));
        assertThat(ann.evaluate("document.activeElement.getAttribute('type')").asText()).as("the focus stays in the card").isEqualTo("file");
        ben.click(role("button", "Who is here"));
        ben.click(role("button", juno).exactly());
        ben.sees(role("heading", "Invite " + juno));
        ben.seesNo(role("img", picture));
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    @Test
    void aPictureSetInOneBrowserShowsInAnothersMemberListAndBesideItsLinesWithoutReload() throws IOException {
        Browser.Page ann = browser.open(server.origin());
        String juno = newcomer(ann, "ann", "Juno", "atelier");
        Browser.Page ben = browser.open(server.origin());
        newcomer(ben, "ben", "Kit", "atelier");
        say(ann, "a line from before the picture");
        ben.sees(text("a line from before the picture"));
        String picture = "Picture of " + juno;
        Browser.Element members = role("complementary", "Who is here");
        Browser.Element besideLines = css("main .lines img.avatar");
        ben.seesNo(role("img", picture));

        openFromList(ann, "Profile of " + juno);
        ann.upload(label("Choose a picture"), file("portrait.png", picture(400, 400, false)));
        ann.sees(text(juno + "'s picture is saved."));
        String address = ann.attribute(role("img", picture), "src");
        ben.sees(role("img", picture).within(members));
        ben.sees(css("main .lines img.avatar[src='" + address + "']"));
        openFromList(ann, "#atelier");
        say(ann, "a line with the picture");
        ben.sees(text("a line with the picture"));
        assertThat(ben.count(css("main .lines img.avatar[src='" + address + "']"))).as("beside both of Juno's lines").isEqualTo(2);
        ben.screenshot(SHOTS.resolve("channel-pictures.png"));

        openFromList(ann, "Profile of " + juno);
        ann.click(role("button", "Remove picture"));
        ann.sees(text(juno + " has no picture now."));
        ben.seesNo(role("img", picture).within(members));
        ben.seesNo(besideLines);
        assertThat(ben.count(css("main .lines .avatar.initial"))).as("the letter in a circle instead").isEqualTo(2);
        assertThat(ann.errors()).isEmpty();
        assertThat(ben.errors()).isEmpty();
    }

    @Test
    void aPictureWithTransparencyStaysAPngAndWhatIsNoPictureIsRefusedWithTheRule() throws IOException {
        Browser.Page page = browser.open(server.origin(), 390, 844);
        String iris = newcomer(page, "iris", "Iris", "gallery");
        openFromList(page, "Profile of " + iris);

        page.upload(label("Choose a picture"), file("tiny.png", picture(20, 20, false)));
        page.sees(text("That picture is too small: it needs at least 32 pixels a side."));
        page.upload(label("Choose a picture"), file("notes.png", "not a picture at all".getBytes()));
        page.sees(text("That file could not be read as a picture; choose a photograph, or a PNG, JPEG or GIF."));

        page.upload(label("Choose a picture"), file("cutout.png", picture(300, 300, true)));
        page.sees(text(iris + "'s picture is saved."));
        String type = page.evaluate("""
                (async () => (await fetch(document.querySelector('main img').src)).headers.get('content-type'))()""").asText();
        assertThat(type).as("transparency kept, which JPEG would lose").isEqualTo("image/png");
        assertThat(page.errors()).isEmpty();
    }

    @Test
    void aModeratorRemovesSomeonesPictureWithAReason() throws IOException {
        TestServer.User owner = server.register("owner");
        String juno;
        try (Wire wire = server.connect(owner)) {
            var persona = TestServer.persona(wire, "Juno");
            juno = persona.name();
            wire.send(new ClientMessage.AvatarSet(wire.nextId(), persona.id(), Base64.getEncoder().encodeToString(picture(64, 64, false))));
            assertThat(wire.expect(ServerMessage.PersonaInfo.class).persona().avatar()).isNotNull();
        }
        TestServer.User moderator = server.register("mod");
        assertThat(server.admin("role", moderator.username(), "moderator")).isZero();
        Browser.Page desk = browser.open(server.origin());
        InBrowser.logIn(desk, moderator.username());
        desk.sees(text("You have no persona yet."));
        desk.fill(label("Name"), TestServer.uniqueName("Warden"));
        desk.click(role("button", "Create persona"));
        joinChannel(desk, TestServer.uniqueName("watch").toLowerCase());
        say(desk, "/boundaries " + juno);
        desk.sees(role("img", "Picture of " + juno));
        desk.fill(label("Reason for removing the picture"), "not a picture of a person");
        desk.screenshot(SHOTS.resolve("remove-picture.png"));
        desk.click(role("button", "Remove " + juno + "'s picture"));
        desk.sees(text(juno + "'s picture is removed. It is in the audit log."));
        desk.seesNo(role("img", "Picture of " + juno));
        try (Wire wire = server.connect(owner)) {
            wire.send(new ClientMessage.PersonaShow(wire.nextId(), juno));
            assertThat(wire.expect(ServerMessage.PersonaInfo.class).persona().avatar()).isNull();
        }
        assertThat(desk.errors()).isEmpty();
    }
}
