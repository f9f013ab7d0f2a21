// A tour of the web client for its screenshots: two people, one at a desktop (1280×800) and one on
// a phone (390×844), register, choose pictures, meet in a channel and roll dice, compare boundaries,
// agree to a private scene and talk there, meet in the text world and walk it, against a server already running. Every view is photographed in the light and the
// dark theme and checked with axe-core, whose findings are printed at the end.
//   node e2e/tour.mjs http://127.0.0.1:8080 ../docs/screenshots
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const [origin, out] = process.argv.slice(2);
if (!origin || !out) throw new Error("usage: node e2e/tour.mjs ORIGIN OUTPUT_DIRECTORY");
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const PASSWORD = "a long passphrase of the tour";
const run = Date.now().toString(36).slice(-4);

await mkdir(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.TRYST_CHROMIUM ?? "/usr/bin/chromium", args: FLAGS });
const findings = [];
/** What the next prompt() is answered with; a confirm() is answered yes. */
let answer;

async function person(width, height) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on("dialog", (dialog) => dialog.accept(answer));
  page.on("pageerror", (error) => findings.push(`page error: ${error}`));
  await page.goto(origin);
  return page;
}

/** Photographs the page as it is, light and dark, and checks it with axe-core. */
async function shot(page, name) {
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${out}/${name}${scheme === "dark" ? "-dark" : ""}.png` });
    if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
    const violations = await page.evaluate(async () => (await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    })).violations.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`));
    for (const violation of violations) findings.push(`${name} (${scheme}): ${violation}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

async function register(page, username, persona) {
  await page.getByRole("button", { name: "No account yet? Create one" }).click();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("I am 18 or older").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByText("You have no persona yet.").waitFor();
  await page.getByLabel("Name").fill(persona);
  await page.getByRole("button", { name: "Create persona" }).click();
  await page.getByText(`You created ${persona}.`).waitFor();
}

async function join(page, channel) {
  if (!(await page.getByLabel("Join or open a channel").isVisible())) await openConversation(page, "Channels and personas");
  await page.getByLabel("Join or open a channel").fill(channel);
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await page.getByRole("heading", { name: `#${channel}` }).waitFor();
}

async function say(page, box, line) {
  await page.getByLabel(box).fill(line);
  await page.getByLabel(box).press("Enter");
}

/**
 * Gives the persona a picture, as chosen from the device: a portrait's silhouette over a gradient,
 * drawn in the page (its canvas) so that the tour needs no file of its own.
 */
async function choosePicture(page, persona, from, to) {
  await openConversation(page, `Profile of ${persona}`);
  const png = await page.evaluate(([from, to]) => {
    const canvas = document.createElement("canvas");
    canvas.width = 640;
    canvas.height = 480;
    const draw = canvas.getContext("2d");
    const ground = draw.createLinearGradient(0, 0, 640, 480);
    ground.addColorStop(0, from);
    ground.addColorStop(1, to);
    draw.fillStyle = ground;
    draw.fillRect(0, 0, 640, 480);
    draw.fillStyle = "rgb(255 255 255 / .38)";
    draw.beginPath();
    draw.arc(320, 190, 100, 0, 2 * Math.PI);
    draw.ellipse(320, 500, 190, 170, 0, 0, 2 * Math.PI);
    draw.fill();
    return canvas.toDataURL("image/png").split(",")[1];
  }, [from, to]);
  await page.getByLabel("Choose a picture").setInputFiles({ name: "portrait.png", mimeType: "image/png", buffer: Buffer.from(png, "base64") });
  await page.getByText(`${persona}'s picture is saved.`).waitFor();
}

/** On a phone, back to the list of conversations first. */
async function openConversation(page, name) {
  const back = page.getByRole("button", { name: "Conversations" });
  if (await back.isVisible()) await back.click();
  await page.getByRole("button", { name }).first().click();
}

const desk = await person(1280, 800);
const phone = await person(390, 844);
await shot(desk, "login");
await phone.getByRole("button", { name: "No account yet? Create one" }).click();
await shot(phone, "register-phone");
await phone.getByRole("button", { name: "Have an account? Log in" }).click();

const juno = `Juno${run}`;
const kit = `Kit${run}`;
await register(desk, `ann${run}`, juno);
await register(phone, `ben${run}`, kit);
await choosePicture(desk, juno, "#b8734a", "#5b2a3c");
await shot(desk, "picture");
await choosePicture(phone, kit, "#3f6f78", "#1e2b45");
await shot(phone, "picture-phone");
for (const [name, topic] of [["lobby", "Say hello"], ["poetry", "Verses, old and new"], ["harbour", ""]]) {
  await join(desk, name);
  if (topic) {
    answer = topic;
    await desk.getByRole("button", { name: "Change topic" }).click();
    await desk.getByText(topic).first().waitFor();
  }
}
await desk.getByRole("button", { name: "Channels and personas" }).click();
await desk.getByText("Say hello").waitFor();
await shot(desk, "channels");
await join(phone, "lobby");
await desk.getByRole("button", { name: "#lobby" }).first().click();

const talk = ["Good morning, all.", "Morning! The tea is on.", "Anyone seen the lighthouse today?", "It was foggy at dawn.",
  "The fog lifted by nine.", "Then a walk along the pier?", "Only if the gulls behave.", "They never do.",
  "A line long enough to wrap on a phone, to see how the lines of a conversation flow when they are wider than the screen.",
  "Shall we meet at the bench?", "The one by the bakery.", "See you there."];
for (const [index, line] of talk.entries()) {
  const speaker = index % 2 ? phone : desk;
  await say(speaker, "Message to #lobby", index === 5 ? `${juno}, ${line}` : line);
  await (index % 2 ? desk : phone).getByText(line).first().waitFor();
}
await say(desk, "Message to #lobby", "/roll 2d6+1");
await phone.locator("li.roll").waitFor();
await desk.getByRole("button", { name: "#harbour" }).click();
await say(phone, "Message to #lobby", `${juno}: one more thing`);
await say(phone, "Message to #lobby", "and another");
await desk.getByRole("button", { name: "#lobby 2 unread mentions you" }).waitFor();
await shot(desk, "unread");
await desk.getByRole("button", { name: "#lobby" }).first().click();
await shot(desk, "channel");
await shot(phone, "channel-phone");
await phone.getByLabel("Message to #lobby").fill("/bl");
await shot(phone, "palette-phone");
await phone.getByLabel("Message to #lobby").fill("/help");
await phone.getByLabel("Message to #lobby").press("Enter");
await shot(phone, "help-phone");
await phone.getByRole("button", { name: "Close" }).click();
await phone.getByRole("button", { name: "Who is here" }).click();
await shot(phone, "members-phone");
await phone.getByRole("button", { name: "Back to the messages" }).click();
await phone.getByRole("button", { name: "Conversations" }).click();
await shot(phone, "conversations-phone");

// Boundaries: Kit publishes some, then Juno compares and proposes.
await phone.getByRole("button", { name: `Profile of ${kit}` }).click();
for (const answer of ["Romance: yes", "Pain: no", "Restraint: maybe"]) await phone.getByLabel(answer).check();
await phone.getByLabel("Boundary notes").fill("Gentle, please.");
await phone.getByRole("button", { name: "Save boundaries" }).click();
await phone.getByText(`${kit}'s boundaries are saved.`).waitFor();
await shot(phone, "boundaries-phone");
await openConversation(phone, "#lobby");
await phone.getByRole("button", { name: "Who is here" }).click();
await phone.getByRole("button", { name: juno, exact: true }).click();
await phone.getByLabel("Propose Romance").check();
await shot(phone, "profile-phone");
await desk.getByRole("button", { name: kit, exact: true }).click();
await desk.getByLabel("Propose Romance").check();
await desk.getByLabel("Propose Pain").check();
await desk.getByLabel("A note with your invitation").fill("Tea at the lighthouse?");
await shot(desk, "profile");
await desk.getByRole("button", { name: `Invite ${kit} into a private scene` }).click();
await phone.getByRole("button", { name: "Show the invitation" }).waitFor();
await shot(phone, "invitation-toast-phone");
await phone.getByRole("button", { name: "Show the invitation" }).click();
await shot(phone, "invitation-phone");
await phone.getByRole("button", { name: "Accept and agree" }).click();
await phone.getByRole("button", { name: "Open the scene" }).click();
await desk.getByRole("heading", { name: `Private scene with ${kit}` }).waitFor();
const scene = ["Here I am.", "The lamp is lit.", "Mind the stairs.", "One at a time.", "The view is wide tonight.", "Ships far out.",
  "Count the lights with me.", "Seven.", "Eight, with the buoy.", "The buoy does not count.", "Then seven.", "Seven it is."];
for (const [index, line] of scene.entries()) {
  const speaker = index % 2 ? desk : phone;
  await say(speaker, "Message to this scene", line);
  await (index % 2 ? phone : desk).getByText(line).first().waitFor();
}
await say(phone, "Message to this scene", "/roll d20");
await desk.getByText("(on their own device)").waitFor();
// The notice of the invitation sent has served its turn: out of the picture.
for (const dismiss of await desk.getByRole("button", { name: "Dismiss" }).all()) await dismiss.click();
await shot(desk, "scene");
await shot(phone, "scene-phone");
await phone.getByRole("button", { name: "About this scene" }).click();
await shot(phone, "scene-about-phone");
await phone.getByRole("button", { name: "Back to the messages" }).click();

// The text world: both enter, talk and narrate in the courtyard, and Kit goes north.
async function world(page, line) {
  await page.getByLabel("World command").fill(line);
  await page.getByLabel("World command").press("Enter");
}
await openConversation(desk, "World");
await desk.getByRole("heading", { name: "The Courtyard" }).waitFor();
await openConversation(phone, "World");
await desk.getByText(`${kit} enters the world.`).waitFor();
await world(desk, "say Good evening. Is the fountain always this loud?");
await phone.getByText("Is the fountain always this loud?").waitFor();
await world(phone, ":trails a hand through the water.");
await world(desk, "emit The lanterns come on one by one around the courtyard.");
await world(phone, "look fountain");
await world(desk, "north");
await desk.getByRole("heading", { name: "The Library" }).waitFor();
await world(desk, "up");
await desk.getByRole("heading", { name: "The Roof Terrace" }).waitFor();
await world(desk, "down");
await world(desk, "south");
await desk.getByRole("heading", { name: "The Courtyard" }).waitFor();
await world(desk, "east");
await desk.getByRole("heading", { name: "The Tea House" }).waitFor();
await world(desk, "w");
await desk.getByRole("heading", { name: "The Courtyard" }).waitFor();
await world(phone, "north");
await phone.getByRole("heading", { name: "The Library" }).waitFor();
await desk.getByText(`${kit} leaves north.`).waitFor();
await world(phone, "s");
await desk.getByText(`${kit} arrives from the north.`).waitFor();
await shot(desk, "world");
await shot(phone, "world-phone");
await phone.getByRole("button", { name: "Here" }).click();
await shot(phone, "world-here-phone");
await phone.getByRole("button", { name: "Back to the messages" }).click();

await openConversation(desk, "Account");
await shot(desk, "account");
await openConversation(phone, "Account");
await shot(phone, "account-phone");

await browser.close();
console.log(findings.length === 0 ? "axe-core: no violations" : findings.join("\n"));
