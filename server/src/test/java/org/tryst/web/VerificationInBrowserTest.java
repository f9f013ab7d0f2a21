package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.css;
import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.acceptAndOpen;
import static org.tryst.web.InBrowser.invite;
import static org.tryst.web.InBrowser.joinChannel;
import static org.tryst.web.InBrowser.logIn;
import static org.tryst.web.InBrowser.openFromList;
import static org.tryst.web.InBrowser.registerWithPersona;
import static org.tryst.web.InBrowser.sayInScene;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;
import org.tryst.testkit.Scratch;

/**
 * Verifying a partner in the browser, as Signal does it: two people in a private scene open their
 * safety numbers (one at a desk, one on a phone) and see the same sixty digits in twelve groups,
 * and each screen's QR code reads back, with ZXing from the pixels shown, as that number. One marks
 * the other verified: the mark stands beside the partner's name and stays through a reload. Then
 * the partner comes back into the scene with a second device, which changes the number: the mark
 * goes, the scene says the number changed, and comparing again and re-verifying brings it back.
 */
class VerificationInBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();
    @RegisterExtension
    static final Chromium browser = new Chromium();
    private static final String GROUPED = "(\\d{5} ){11}\\d{5}";

    @Test
    void bothSidesShowOneGroupedNumberItsQrCodeReadsBackAndAVerifiedMarkGoesWhenThePartnersKeysChange() throws Exception {
        Browser.Page rowan = browser.open(server.origin());
        String rowanName = TestServer.uniqueName("Rowan");
        registerWithPersona(rowan, TestServer.uniqueName("rowan"), rowanName);
        joinChannel(rowan, "arbour");
        Browser.Page sage = browser.open(server.origin(), 390, 844);
        String sageName = TestServer.uniqueName("Sage");
        String sageUser = TestServer.uniqueName("sage");
        registerWithPersona(sage, sageUser, sageName);
        joinChannel(sage, "arbour");

        rowan.click(role("button", sageName));
        invite(rowan, sageName);
        acceptAndOpen(sage, rowanName);
        openFromList(rowan, "Private scene with " + sageName);
        sayInScene(sage, "hello");
        rowan.sees(text(sageName + ": hello"));

        // Both sides: the same number, grouped, and a QR code that holds exactly it.
        rowan.click(role("button", "Safety number with " + sageName));
        String number = rowan.text(label("Safety number with " + sageName));
        assertThat(number).matches(GROUPED);
        assertThat(rowan.count(role("listitem").within(label("Safety number with " + sageName)))).as("read group by group").isEqualTo(12);
        assertThat(readQrCode(rowan, "QR code of the safety number with " + sageName)).isEqualTo(number);
        sage.click(role("button", "About this scene"));
        sage.click(role("button", "Safety number with " + rowanName).within(role("dialog", "About this scene")));
        assertThat(sage.text(label("Safety number with " + rowanName))).isEqualTo(number);
        assertThat(readQrCode(sage, "QR code of the safety number with " + rowanName)).isEqualTo(number);
        sage.screenshot(SHOTS.resolve("safety-number-phone.png"));
        sage.click(role("button", "Back to the messages"));

        // Marked verified on Rowan's device: beside Sage's name in the header and among the members, through a reload.
        rowan.click(role("button", "Mark as verified"));
        rowan.sees(text("You marked " + sageName + " verified."));
        rowan.sees(role("heading", "Private scene with " + sageName + " verified"));
        rowan.sees(text("verified").within(css(".members")));
        rowan.sees(role("button", "Clear verification"));
        rowan.screenshot(SHOTS.resolve("safety-number.png"));
        rowan.reload();
        openFromList(rowan, "Private scene with " + sageName);
        rowan.sees(role("heading", "Private scene with " + sageName + " verified"));
        assertThat(sage.count(css(".verified"))).as("a mark is the verifier's own").isZero();

        // Sage leaves, logs in on a second device, and is invited back: both of Sage's devices join, and the number changes.
        sage.click(role("button", "About this scene"));
        sage.click(role("button", "Leave this scene").within(role("dialog", "About this scene")));
        rowan.sees(role("heading", "Private scene (nobody else yet)"));
        Browser.Page sageAgain = browser.open(server.origin());
        logIn(sageAgain, sageUser);
        sageAgain.sees(role("heading", "Conversations"));
        rowan.fill(label("Persona name"), sageName);
        rowan.click(role("button", "Invite").exactly());
        rowan.sees(text("You invited " + sageName));
        acceptAndOpen(sageAgain, rowanName);
        sayInScene(sageAgain, "back, on another device");
        rowan.sees(text(sageName + ": back, on another device"));

        rowan.sees(text(sageName + "'s safety number changed — compare again."));
        rowan.seesNo(css(".verified"));
        rowan.sees(label("Safety number with " + sageName));
        String changed = rowan.text(label("Safety number with " + sageName));
        assertThat(changed).matches(GROUPED).isNotEqualTo(number);
        sageAgain.click(role("button", "Safety number with " + rowanName));
        assertThat(sageAgain.text(label("Safety number with " + rowanName))).isEqualTo(changed);
        assertThat(readQrCode(rowan, "QR code of the safety number with " + sageName)).isEqualTo(changed);
        rowan.screenshot(SHOTS.resolve("safety-number-changed.png"));

        // Compared again: verified again, and the notice goes.
        rowan.click(role("button", "Compare the safety number with " + sageName));
        rowan.sees(role("button", "Safety number with " + sageName).within(css(".safety-pair:focus-within")));
        rowan.click(role("button", "Mark as verified"));
        rowan.seesNo(text(sageName + "'s safety number changed"));
        rowan.sees(role("heading", "Private scene with " + sageName + " verified"));
        assertThat(rowan.errors()).isEmpty();
        assertThat(sage.errors()).isEmpty();
        assertThat(sageAgain.errors()).isEmpty();
    }

    @Test
    void dismissingTheNoticeForgetsTheVerificationHidingKeepsTheMarksAndLoggingOutForgetsThem() throws Exception {
        Browser.Page ash = browser.open(server.origin());
        String ashName = TestServer.uniqueName("Ash");
        String ashUser = TestServer.uniqueName("ash");
        registerWithPersona(ash, ashUser, ashName);
        joinChannel(ash, "willow");
        Browser.Page wren = browser.open(server.origin());
        String wrenName = TestServer.uniqueName("Wren");
        String wrenUser = TestServer.uniqueName("wren");
        registerWithPersona(wren, wrenUser, wrenName);
        joinChannel(wren, "willow");
        ash.click(role("button", wrenName));
        invite(ash, wrenName);
        acceptAndOpen(wren, ashName);
        openFromList(ash, "Private scene with " + wrenName);
        sayInScene(wren, "hello");
        ash.sees(text(wrenName + ": hello"));
        ash.click(role("button", "Safety number with " + wrenName));
        ash.click(role("button", "Copy the safety number"));
        ash.sees(text("Copied."));
        ash.press(label("Message to this scene"), "Control+V");
        assertThat(ash.evaluate("document.getElementById('scene-compose').value").asText()).as("pasted as one string, as shown")
                .isEqualTo(ash.text(label("Safety number with " + wrenName)));
        ash.fill(label("Message to this scene"), "");
        ash.click(role("button", "Mark as verified"));
        ash.sees(role("heading", "Private scene with " + wrenName + " verified"));

        wren.click(role("button", "Leave this scene"));
        ash.sees(role("heading", "Private scene (nobody else yet)"));
        Browser.Page wrenAgain = browser.open(server.origin());
        logIn(wrenAgain, wrenUser);
        wrenAgain.sees(role("heading", "Conversations"));
        ash.fill(label("Persona name"), wrenName);
        ash.click(role("button", "Invite").exactly());
        acceptAndOpen(wrenAgain, ashName);
        ash.sees(text(wrenName + "'s safety number changed — compare again."));
        ash.click(role("button", "Dismiss the notice about " + wrenName));
        ash.seesNo(text(wrenName + "'s safety number changed"));
        ash.sees(role("button", "Mark as verified"));
        assertThat(ash.count(css(".verified"))).isZero();

        ash.click(role("button", "Mark as verified"));
        ash.sees(role("heading", "Private scene with " + wrenName + " verified"));
        // Hiding the page keeps this device, its keys and its marks, as it keeps the scenes; logging out forgets them all.
        ash.press("Escape");
        ash.press("Escape");
        ash.sees(role("heading", "Notes"));
        ash.go(server.origin());
        logIn(ash, ashUser);
        openFromList(ash, "Private scene with " + wrenName);
        ash.sees(role("heading", "Private scene with " + wrenName + " verified"));
        ash.click(role("button", "Account"));
        ash.click(role("button", "Log out"));
        logIn(ash, ashUser);
        ash.sees(role("heading", "Conversations"));
        assertThat(ash.evaluate("""
                new Promise((resolve) => {
                  const opened = indexedDB.open("notes");
                  opened.onsuccess = () => {
                    const db = opened.result;
                    if (!db.objectStoreNames.contains("verified")) { db.close(); resolve(0); return; }
                    const count = db.transaction("verified").objectStore("verified").count();
                    count.onsuccess = () => { db.close(); resolve(count.result); };
                  };
                })""").asInt()).as("verified marks left in this browser after logging out").isZero();
        assertThat(ash.errors()).isEmpty();
    }

    /** Reads the QR code the page shows under that name, from the pixels on screen, with ZXing. */
    private static String readQrCode(Browser.Page page, String name) throws Exception {
        JsonNode box = page.evaluate("""
                (() => {
                  const code = document.querySelector('svg[aria-label="%s"]');
                  // As a person scrolls: the pane of details, not the sheet around it.
                  const pane = code.closest(".sheet-body, .details");
                  pane.scrollTop += code.getBoundingClientRect().top - pane.getBoundingClientRect().top - 120;
                  const at = code.getBoundingClientRect();
                  const scale = devicePixelRatio;
                  // The screenshot is of the whole page, so the code's place is counted from the page's top, not the window's.
                  return { x: (at.x + scrollX) * scale, y: (at.y + scrollY) * scale, size: at.width * scale };
                })()""".formatted(name));
        Path directory = Scratch.directory("tryst-qr");
        Path shot = directory.resolve("page.png");
        try {
            page.screenshot(shot);
            BufferedImage whole = ImageIO.read(shot.toFile());
            // A margin of the page around the code, as a camera sees it: the decoder needs a quiet zone to find the code.
            int margin = 16;
            int x = Math.max(0, (int) Math.floor(box.get("x").asDouble()) - margin);
            int y = Math.max(0, (int) Math.floor(box.get("y").asDouble()) - margin);
            int size = Math.min((int) Math.ceil(box.get("size").asDouble()) + 2 * margin, Math.min(whole.getWidth() - x, whole.getHeight() - y));
            int[] pixels = whole.getRGB(x, y, size, size, null, 0, size);
            var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } finally {
            Scratch.delete(directory);
        }
    }
}
