package org.tryst.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tryst.testkit.Browser.Element.css;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;
import static org.tryst.web.InBrowser.SHOTS;
import static org.tryst.web.InBrowser.acceptAndOpen;
import static org.tryst.web.InBrowser.joinChannel;
import static org.tryst.web.InBrowser.openFromList;
import static org.tryst.web.InBrowser.registerWithPersona;
import static org.tryst.web.InBrowser.sayInScene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.Canary;
import org.tryst.MutableClock;
import org.tryst.TestServer;
import org.tryst.client.SceneEvent;
import org.tryst.scenes.SceneMember;
import org.tryst.testkit.Browser;
import org.tryst.testkit.TurnServer;

/**
 * Partner video between two real Chromiums with fake cameras, in one private scene, relayed by a
 * real coturn: nobody connects before both said yes, media goes through the relay only, the
 * partner's video is blurred until Show, the safeword hangs up on both screens, coturn refuses
 * credentials that expired, and no description, candidate or address is left on the server.
 */
class CallsInBrowserTest {
    private static final String SECRET = "turn-secret-for-tests";
    private static final long TTL_SECONDS = 600;
    private static final TurnServer turn = TurnServer.start(SECRET);
    private static final MutableClock clock = new MutableClock();
    @RegisterExtension
    static final TestServer server = TestServer.sqlite().with(clock)
            .with("TRYST_MEDIA_TURN_URLS", turn.url())
            .with("TRYST_MEDIA_TURN_SECRET", SECRET)
            .with("TRYST_MEDIA_TURN_TTL_SECONDS", String.valueOf(TTL_SECONDS));
    @RegisterExtension
    static final Chromium desktop = Chromium.withFakeCamera();
    @RegisterExtension
    static final Chromium phone = Chromium.withFakeCamera();

    /**
     * Keeps every RTCPeerConnection the page makes, so that the test reads its statistics and
     * descriptions as the browser has them. The client makes them with the global constructor when a
     * call connects, so replacing it once the page is loaded is enough.
     */
    private static final String RECORD_PEERS = """
            (() => {
              const Native = window.RTCPeerConnection;
              window.__peers = [];
              window.RTCPeerConnection = class extends Native {
                constructor(configuration) { super(configuration); window.__peers.push(this); }
              };
              return true;
            })()""";
    /** Each open connection's video frames decoded, the types of its chosen candidate pair, and its transport policy. */
    private static final String PEER_STATS = """
            (async () => Promise.all(window.__peers.filter((pc) => pc.connectionState !== "closed").map(async (pc) => {
              const report = await pc.getStats();
              let frames = 0, pair = null;
              report.forEach((s) => {
                if (s.type === "inbound-rtp" && s.kind === "video") frames += s.framesDecoded ?? 0;
                if (s.type === "transport" && s.selectedCandidatePairId) pair = report.get(s.selectedCandidatePairId);
              });
              const local = pair && report.get(pair.localCandidateId), remote = pair && report.get(pair.remoteCandidateId);
              return { frames, local: local?.candidateType ?? null, remote: remote?.candidateType ?? null,
                policy: pc.getConfiguration().iceTransportPolicy, state: pc.connectionState };
            })))()""";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A real offer, as a browser makes it, for a member driven by hand to send. */
    private static final String AN_OFFER = """
            (async () => { const pc = new RTCPeerConnection(); pc.addTransceiver("audio"); pc.addTransceiver("video");
              const offer = await pc.createOffer(); pc.close(); return offer.sdp; })()""";

    @AfterAll
    static void stopTurn() {
        turn.close();
    }

    /** Two people in a private scene: Ann at a desktop, who made it (the lower MLS leaf), and Ben on a phone. */
    private record Scene(Browser.Page ann, String annName, Browser.Page ben, String benName) {}

    private static Scene scene() {
        Browser.Page ann = desktop.open(server.origin());
        String annName = TestServer.uniqueName("Ann");
        registerWithPersona(ann, TestServer.uniqueName("ann"), annName);
        joinChannel(ann, "callers");
        Browser.Page ben = phone.open(server.origin(), 390, 844);
        String benName = TestServer.uniqueName("Ben");
        registerWithPersona(ben, TestServer.uniqueName("ben"), benName);
        joinChannel(ben, "callers");
        ann.click(role("button", benName));
        ann.click(role("button", "Invite " + benName + " into a private scene"));
        ann.sees(text("You invited " + benName));
        openFromList(ben, "Invitations 1");
        ben.click(role("button", "Accept"));
        openFromList(ben, "Private scene with " + annName);
        sayInScene(ben, "hello");
        openFromList(ann, "Private scene with " + benName);
        ann.sees(text(benName + ": hello"));
        ann.evaluate(RECORD_PEERS);
        ben.evaluate(RECORD_PEERS);
        return new Scene(ann, annName, ben, benName);
    }

    /** Ann proposes, Ben is asked and says yes; both turn their camera on. */
    private static void call(Scene s) {
        s.ann().click(role("button", "Propose a call"));
        s.ben().sees(text(s.annName() + " proposes a call."));
        s.ben().sees(text("Calls go through this server's relay, so partners never see your IP address"));
        s.ben().screenshot(SHOTS.resolve("call-asked-phone.png"));
        assertThat(peers(s.ann())).as("no connection before the partner said yes").isZero();
        assertThat(peers(s.ben())).isZero();
        s.ben().click(role("button", "Yes, join"));
        s.ann().sees(text("In the call: you, " + s.benName() + "."));
        s.ben().sees(text("In the call: " + s.annName() + ", you."));
        s.ann().click(role("button", "Camera off"));
        s.ann().sees(role("button", "Camera on"));
        s.ben().click(role("button", "Camera off"));
        s.ben().sees(role("button", "Camera on"));
    }

    @Test
    void bothSayYesAndTheVideoFlowsThroughTheRelayBlurredUntilShownAndTheSafewordHangsUpOnBoth() {
        Scene s = scene();
        call(s);
        long[] before = framesFlowing(s);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> frames(s.ann()) > before[0] && frames(s.ben()) > before[1]);
        for (Browser.Page page : List.of(s.ann(), s.ben())) {
            JsonNode stats = page.evaluate(PEER_STATS);
            assertThat(stats).hasSize(1);
            assertThat(stats.get(0).get("policy").asText()).isEqualTo("relay");
            assertThat(stats.get(0).get("local").asText()).as("this side goes through the relay").isEqualTo("relay");
            assertThat(stats.get(0).get("remote").asText()).as("and so does the partner").isEqualTo("relay");
        }
        s.ben().sees(css("figure.tile[data-route=relay]"));
        s.ben().sees(text("relayed"));

        // The partner's video is blurred on each screen until that person chooses Show.
        s.ben().sees(css("figure.tile[data-shown=no] video.blurred"));
        s.ann().sees(css("figure.tile[data-shown=no] video.blurred"));
        s.ben().screenshot(SHOTS.resolve("call-blurred-phone.png"));
        s.ann().screenshot(SHOTS.resolve("call-blurred-desktop.png"));
        s.ben().click(role("button", "Show " + s.annName() + "'s video"));
        s.ben().sees(css("figure.tile[data-shown=yes] video:not(.blurred)"));
        assertThat(s.ann().count(css("figure.tile[data-shown=no] video.blurred"))).as("Show is for Ben's screen only").isEqualTo(1);
        s.ben().screenshot(SHOTS.resolve("call-shown-phone.png"));
        s.ben().click(role("button", "Blur " + s.annName() + "'s video again"));
        s.ben().sees(css("figure.tile[data-shown=no] video.blurred"));

        s.ben().click(role("button", "Safeword"));
        for (Browser.Page page : List.of(s.ann(), s.ben())) {
            page.seesNo(text("A call is on."));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> page.evaluate(
                    "window.__peers.every((pc) => pc.connectionState === 'closed') && document.querySelectorAll('video').length === 0").asBoolean());
        }
        assertThat(s.ann().errors()).isEmpty();
        assertThat(s.ben().errors()).isEmpty();
    }

    @Test
    void coturnRefusesCredentialsThatExpiredAndTakesFreshOnes() {
        Scene s = scene();
        // The server's clock runs behind, so the credentials it hands out expired before they reach coturn.
        clock.advance(Duration.ofSeconds(-(TTL_SECONDS + 120)));
        try {
            call(s);
            // Ann sends her offer once her candidates are gathered or given up on, and Ben answers it.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> s.ann().evaluate(
                    "window.__peers.length === 1 && window.__peers[0].remoteDescription !== null").asBoolean());
            assertThat(turn.log()).as("coturn refused the expired credentials").anyMatch(line -> line.contains("check_stun_auth"));
            assertThat(s.ann().evaluate("window.__peers[0].localDescription.sdp").asText()).doesNotContain("typ relay");
            assertThat(s.ann().evaluate(PEER_STATS).get(0).get("local").isNull()).as("nothing connects").isTrue();
            s.ben().sees(text("Connecting…"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> s.ben().count(text("Lost")) > 0);
        } finally {
            clock.advance(Duration.ofSeconds(TTL_SECONDS + 120));
        }
        s.ann().click(role("button", "Leave the call"));
        s.ben().click(role("button", "Leave the call"));
        s.ann().sees(role("button", "Propose a call"));
        s.ben().sees(role("button", "Propose a call"));

        call(s);
        framesFlowing(s);
        assertThat(s.ann().evaluate(PEER_STATS).get(0).get("local").asText()).isEqualTo("relay");
    }

    @Test
    void noDescriptionCandidateOrAddressOfACallIsLeftInTheServersFilesOrLog() throws Exception {
        Canary canary = new Canary();
        Scene s = scene();
        call(s);
        framesFlowing(s);
        List<String> secrets = new ArrayList<>();
        for (Browser.Page page : List.of(s.ann(), s.ben())) {
            for (JsonNode sdp : page.evaluate("window.__peers.flatMap((pc) => [pc.localDescription.sdp, pc.remoteDescription.sdp])")) {
                secrets.addAll(secretsOf(sdp.asText()));
            }
            for (JsonNode address : page.evaluate("""
                    (async () => { const found = []; for (const pc of window.__peers) (await pc.getStats()).forEach((s) => {
                      if (s.type === "local-candidate" || s.type === "remote-candidate") found.push(s.address + ":" + s.port); }); return found; })()""")) {
                secrets.add(address.asText());
            }
        }
        assertThat(secrets).as("the call's own strings to look for").hasSizeGreaterThan(8);
        s.ben().click(role("button", "Leave the call"));
        s.ann().sees(text("Not in it: " + s.benName() + "."));
        s.ann().click(role("button", "Leave the call"));
        s.ann().sees(role("button", "Propose a call"));
        canary.assertNowhere(server.storageDirectories(), secrets);
    }

    @Test
    void aBrowserAnswersAnOfferOnlyOnceItSaidYesItselfAndTheSenderSaidYes() throws Exception {
        Browser.Page cy = desktop.open(server.origin());
        String cyName = TestServer.uniqueName("Cy");
        registerWithPersona(cy, TestServer.uniqueName("cy"), cyName);
        String offer = cy.evaluate(AN_OFFER).asText();
        try (SceneMember dee = SceneMember.join(server, "Dee")) {
            // Dee, on the terminal client and driven by hand, makes the scene: leaf 0, the one who offers.
            String sceneId = dee.client().createScene(dee.persona().id()).id();
            dee.client().invite(sceneId, dee.persona().id(), personaId(cyName), "a call?");
            acceptAndOpen(cy, dee.persona().name());
            dee.next(SceneEvent.NewEpoch.class);
            cy.evaluate(RECORD_PEERS);

            dee.client().signal(sceneId, "{\"kind\":\"call.propose\",\"call\":\"hand-1\"}");
            cy.sees(text(dee.persona().name() + " proposes a call."));
            // Cy has not said yes: an offer now goes unanswered.
            dee.client().signal(sceneId, offerTo(1, offer));
            cy.click(role("button", "Yes, join"));
            List<String> before = new ArrayList<>();
            JsonNode yes = heard(dee, "call.yes", before);
            assertThat(yes.get("media").asBoolean()).isTrue();
            // Cy asked whether a call was on when the scene opened; nothing else, and no answer, went out before its yes.
            assertThat(before).as("what Cy sent before saying yes").allMatch("call.ask"::equals);

            // Dee leaves: an offer from someone who is not in the call goes unanswered too.
            dee.client().signal(sceneId, "{\"kind\":\"call.leave\",\"call\":\"hand-1\"}");
            cy.sees(text("Not in it: " + dee.persona().name() + "."));
            dee.client().signal(sceneId, offerTo(1, offer));
            dee.client().signal(sceneId, "{\"kind\":\"call.yes\",\"call\":\"hand-1\",\"media\":true}");
            cy.sees(text("In the call: " + dee.persona().name() + ", you."));

            // Both in: Dee's offer is answered, to Dee's leaf, by the only connection Cy ever opened.
            dee.client().signal(sceneId, offerTo(1, offer));
            List<String> between = new ArrayList<>();
            JsonNode answer = heard(dee, "call.answer", between);
            assertThat(answer.get("to").asInt()).isZero();
            assertThat(answer.get("sdp").asText()).startsWith("v=0");
            assertThat(between).doesNotContain("call.answer");
            assertThat(cy.evaluate("window.__peers.length").asInt()).as("connections Cy opened").isEqualTo(1);
        }
        assertThat(cy.errors()).isEmpty();
    }

    @Test
    void aPartnerWhoReloadsDuringACallSeesItAndIsAskedAgain() {
        Scene s = scene();
        s.ann().click(role("button", "Propose a call"));
        s.ben().sees(text(s.annName() + " proposes a call."));
        // Ben's page starts afresh, knowing nothing of the call: it asks, and Ann's page, in the call, says who is in it.
        s.ben().reload();
        openFromList(s.ben(), "Private scene with " + s.annName());
        s.ben().sees(text("In the call: " + s.annName() + "."));
        s.ben().click(role("button", "Yes, join"));
        s.ann().sees(text("In the call: you, " + s.benName() + "."));
        assertThat(s.ann().errors()).isEmpty();
        assertThat(s.ben().errors()).isEmpty();
    }

    private static String offerTo(int leaf, String sdp) throws Exception {
        return JSON.writeValueAsString(java.util.Map.of("kind", "call.offer", "call", "hand-1", "to", leaf, "sdp", sdp));
    }

    /** The next call message of this kind the member hears, noting the kinds of those before it. */
    private static JsonNode heard(SceneMember member, String kind, List<String> before) throws Exception {
        while (true) {
            JsonNode message = JSON.readTree(member.next(SceneEvent.Signalled.class).json());
            if (message.get("kind").asText().equals(kind)) return message;
            before.add(message.get("kind").asText());
        }
    }

    private static String personaId(String name) throws Exception {
        try (var db = server.database(); PreparedStatement query = db.prepareStatement("SELECT id FROM personas WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** Waits until video decodes on both sides and returns how many frames each had decoded. */
    private static long[] framesFlowing(Scene s) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> frames(s.ann()) > 0 && frames(s.ben()) > 0);
        return new long[] {frames(s.ann()), frames(s.ben())};
    }

    private static long frames(Browser.Page page) {
        long frames = 0;
        for (JsonNode peer : page.evaluate(PEER_STATS)) frames += peer.get("frames").asLong();
        return frames;
    }

    private static int peers(Browser.Page page) {
        return page.evaluate("window.__peers.filter((pc) => pc.connectionState !== 'closed').length").asInt();
    }

    /** What in a session description would identify the call: its ICE password (the four-letter ufrag would turn up by chance), its DTLS fingerprint, its session id and candidates. */
    private static List<String> secretsOf(String sdp) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?m)^a=(?:ice-pwd|fingerprint):(\\S+(?: \\S+)?)\\r?$|^o=\\S+ (\\d{6,})|^a=(candidate:[^\\r\\n]+)").matcher(sdp);
        while (matcher.find()) {
            for (int group = 1; group <= 3; group++) if (matcher.group(group) != null) found.add(matcher.group(group));
        }
        return found;
    }
}
