import type { Chosen, Persona } from "../api/protocol";
import type { Command } from "../app/commands";
import { TIMERS } from "../app/commands";
import { boundariesOf, catalogue, label, setBoundaries } from "../app/consent";
import { rolledOnDevice } from "../app/dice";
import * as inviting from "../app/invitations";
import { go } from "../app/navigation";
import * as scene from "../app/scenes";
import { invitations, ownPersonaChanged, personas, rooms, sceneLines, scenes, speaker } from "../app/state";
import { transcriptFileName } from "../app/transcript";
import * as tryst from "../app/tryst";
import { setStatus, STATUS_NAMES } from "../app/statuses";
import { shareTyping } from "../app/typing";
import { setShareTyping } from "../app/typingSession";
import { rowsOf } from "../mls/safety";
import { download } from "./download";
import { Said } from "./errors";
import { panic } from "./panic";
import { filedNotice } from "./Report";
import { sceneName } from "./sceneName";

/** Where a command is typed: a channel, or a scene with the cooling-off chosen for its Safeword. */
export type Here = { kind: "channel"; name: string } | { kind: "scene"; id: string; coolingOff: number };

/** A command that reaches beyond the message box; /help stays in it. */
export type Runnable = Exclude<Command, { kind: "help" }>;

const timerName = (seconds: number) => TIMERS.find(([, value]) => value === seconds)?.[0] ?? `${seconds}s`;

/**
 * Carries out a command typed in a message box, as `./tryst chat` does, and answers what to show
 * the person beneath it (nothing when the screen itself changes). A command that cannot be carried
 * out as things stand throws {@link Said} with what to do instead.
 */
export async function run(command: Runnable, here: Here): Promise<string[]> {
  switch (command.kind) {
    case "say": case "pose":
      if (here.kind === "channel") await tryst.say(here.name, command);
      else await scene.say(here.id, command);
      return [];
    case "roll":
      // The server rolls in a channel, so that nobody picks their numbers; a scene is sealed from it, so this device rolls and says so.
      if (here.kind === "channel") await tryst.roll(here.name, command.dice);
      else await scene.say(here.id, { kind: "pose", text: rolledOnDevice(command.dice) });
      return [];
    case "personas":
      return personas.value.map((persona) => `${persona.name}${persona.id === speaker.value?.id ? " (you speak as this one)" : ""}`);
    case "persona.new": {
      const created = await tryst.createPersona(command.name, "", "");
      return [`You created ${created.name}.`, ...(speaker.value?.id === created.id ? [] : [`/as ${created.name} to speak as ${created.name}.`])];
    }
    case "as": {
      const persona = personas.value.find((mine) => mine.name.toLowerCase() === command.name.toLowerCase());
      if (!persona) throw new Said(`You have no persona named ${command.name}; /personas lists yours.`);
      await tryst.use(persona);
      go({ kind: "home" });
      return [];
    }
    case "channels":
      go({ kind: "home" });
      return [];
    case "join":
      await tryst.join(command.channel);
      return [];
    case "leave":
      // Leaving takes the person home, as any end of a conversation does.
      if (here.kind === "channel") await tryst.leave(here.name);
      else await scene.leave(here.id, member(here.id));
      return [];
    case "safeword":
      return safeword(here, command.hours);
    case "transcript":
      return transcript(sceneHere(here), command.choice);
    case "export": {
      const id = sceneHere(here);
      download(await scene.exportTranscript(id, member(id)), command.file ?? transcriptFileName(Date.now()));
      return ["Your copy of the transcript is saved. It is marked as yours: if it is shared, it can be traced to you."];
    }
    case "who":
      return who(here);
    case "invite":
      return invite(here, command);
    case "boundaries":
      if (!command.name) go({ kind: "persona", id: you().id });
      else {
        const found = await tryst.showPersona(command.name);
        go({ kind: "persona", id: found.id, name: found.name });
      }
      return [];
    case "boundary.set": case "boundary.notes":
      return changeBoundaries(command);
    case "invitations":
      go({ kind: "invitations" });
      return [];
    case "accept": {
      const invitation = received(command.number);
      await inviting.accept(invitation);
      return [`You accepted ${invitation.from.name}'s invitation, and agreed to what it proposes. You join as soon as they add you.`];
    }
    case "decline": {
      const invitation = received(command.number);
      await inviting.decline(invitation);
      return [`You declined. ${invitation.from.name} is not told.`];
    }
    case "scenes":
      return listScenes();
    case "scene": {
      const found = [...scenes.value.values()][command.number - 1];
      if (!found) throw new Said(`There is no scene ${command.number}; /scenes lists them.`);
      go({ kind: "scene", id: found.id });
      return [];
    }
    case "timer": {
      const id = sceneHere(here);
      await scene.chooseTimer(id, member(id), command.seconds);
      return [`You chose ${timerName(command.seconds)}. A shorter timer applies at once; a longer one, or off, once everyone here chooses it.`];
    }
    case "safety":
      return safety(sceneHere(here), command.name);
    case "block": case "mute": {
      const target = await other(command.name);
      await tryst.changeBlocks(command.kind, target.id, command.kind === "block" ? command.scope : undefined);
      return [command.kind === "mute"
        ? `You muted ${target.name}: you will not see their lines or invitations. They are not told.`
        : `You blocked ${command.scope === "account" ? "everyone behind " : ""}${target.name}: they cannot see you, reach you or invite you. They are not told.`];
    }
    case "unblock": case "unmute":
      return lift(command.kind, command.name);
    case "blocked": {
      const list = await tryst.blocks();
      if (list.length === 0) return ["You have blocked or muted nobody."];
      return list.map((entry) => `${entry.persona.name} · ${entry.kind === "mute" ? "muted" : entry.scope === "account" ? "blocked, with everyone behind it" : "blocked"}`);
    }
    case "report":
      return [filedNotice(await reportLine(here, command.number, command.reason))];
    case "reports": {
      const list = await tryst.myReports();
      if (list.length === 0) return ["You have reported nothing."];
      return list.map((report) => `${report.reported?.name ?? "someone"}: “${report.text}” · ${report.reason} · ${report.status}`);
    }
    case "queue": {
      const queue = await tryst.reportQueue(false);
      if (queue.length === 0) return ["No reports are waiting."];
      return queue.map((report, index) => `${index + 1}. ${report.reported?.name ?? "unknown"}: “${report.text}” · ${report.reason} · ${report.verification}`);
    }
    case "moderate":
      return moderate(command.number, command.action, command.hours);
    case "status":
      return command.change ? changeStatus(command.change) : [shows(you()), "/status STATUS [LINE] chooses another: online, looking, away, busy or dnd."];
    case "looking":
      go({ kind: "looking" });
      return [];
    case "typing":
      if (command.share !== null) await setShareTyping(command.share);
      return [shareTyping.value
        ? "Typing is shared: others see when you type, and you see when they do. /typing off stops it, on every device."
        : "Typing is not shared: nobody sees when you type, and you see nobody typing. /typing on shares it."];
    case "quit":
      panic();
      return [];
  }
}

/** What a persona of the account shows, in a sentence. */
function shows(persona: Persona): string {
  const status = persona.status && persona.status !== "offline" ? persona.status : "online";
  return `${persona.name} shows as ${STATUS_NAMES[status].toLowerCase()}${persona.statusLine ? `: “${persona.statusLine}”` : ""}.`;
}

/** Chooses the speaker's status, its line, or both; what is left out stays as it is. */
async function changeStatus(change: { status?: Chosen; line?: string }): Promise<string[]> {
  const me = you();
  const status = change.status ?? (me.status && me.status !== "offline" ? me.status : "online");
  const now = await setStatus(me.id, status, change.line ?? me.statusLine ?? "");
  ownPersonaChanged(now);
  return [shows(now), ...(now.status === "dnd" ? ["Invitations wait in /invitations, without a notification, until you choose another status."] : [])];
}

function you(): Persona {
  if (!speaker.value) throw new Said("Create a persona first: /persona new NAME.");
  return speaker.value;
}

function sceneHere(here: Here): string {
  if (here.kind !== "scene") throw new Said("That works only in a private scene.");
  return here.id;
}

/** This account's persona in the scene. */
function member(sceneId: string) {
  const mine = scene.myPersonaIn(sceneId);
  if (!mine) throw new Said("You are not in that scene.");
  return mine;
}

/** Another persona, by name; one's own personas are not others. */
async function other(name: string): Promise<Persona> {
  const target = await tryst.showPersona(name);
  if (personas.value.some((mine) => mine.id === target.id)) throw new Said("That is one of your personas.");
  return target;
}

async function safeword(here: Here, hours: number | null): Promise<string[]> {
  const id = sceneHere(here);
  // The scene's end, which reaches this page too, takes the person home and says that they used the safeword.
  await scene.safeword(id, member(id), hours ?? (here.kind === "scene" ? here.coolingOff : 24));
  return [];
}

async function transcript(id: string, choice: "ask" | "agree" | "refuse" | "withdraw" | null): Promise<string[]> {
  if (choice) {
    await scene.consentToTranscript(id, member(id), choice);
    return [];
  }
  const asked = scenes.value.get(id)?.transcript;
  if (!asked) return ["Nobody keeps a transcript of this scene. /transcript ask asks everyone; each may then save a copy marked as theirs."];
  return [`${asked.requestedBy.name} asked to keep a transcript.`,
    asked.allowed ? "Everyone agrees: /export saves your marked copy." : "Nobody can save a copy until everyone agrees."];
}

function who(here: Here): string[] {
  if (here.kind === "channel") {
    return (rooms.value.get(here.name)?.members ?? []).map((one) =>
      `${one.name} · ${STATUS_NAMES[one.status].toLowerCase()}${one.statusLine ? `: “${one.statusLine}”` : ""}${one.owner ? " · owner" : ""}`);
  }
  return (scenes.value.get(here.id)?.members ?? []).map((one) => one.name);
}

async function invite(here: Here, command: Extract<Command, { kind: "invite" }>): Promise<string[]> {
  const from = here.kind === "scene" ? personas.value.find((mine) => mine.id === member(here.id).id) ?? you() : you();
  const invitee = await tryst.showPersona(command.name);
  if (invitee.id === from.id) throw new Said("That is you.");
  const proposal = { ...(command.topics.length ? { topics: command.topics } : {}), ...(command.safeword ? { safeword: command.safeword } : {}) };
  if (here.kind === "scene") {
    await inviting.invite(here.id, from, invitee.id, command.note, proposal);
    return [`You invited ${invitee.name} into this scene. You will see when they join.`];
  }
  const opened = await inviting.inviteIntoNewScene(from, invitee.id, command.note, proposal);
  go({ kind: "scene", id: opened.id });
  return [];
}

async function changeBoundaries(command: Extract<Command, { kind: "boundary.set" | "boundary.notes" }>): Promise<string[]> {
  const persona = you();
  const current = await boundariesOf(persona.id);
  if (command.kind === "boundary.notes") {
    await setBoundaries(persona.id, current.answers, command.notes);
    return ["Your boundary notes are saved."];
  }
  if (!catalogue.value.topics.some((topic) => topic.id === command.topic)) throw new Said(`There is no topic ${command.topic}; /boundaries shows them.`);
  const answers = { ...current.answers };
  if (command.answer) answers[command.topic] = command.answer;
  else delete answers[command.topic];
  await setBoundaries(persona.id, answers, current.notes);
  return [`Saved: ${label(command.topic)} ${command.answer ?? "cleared"}.`];
}

function received(number: number) {
  const invitation = invitations.value.received[number - 1];
  if (!invitation) throw new Said(`There is no invitation ${number}; /invitations lists them.`);
  return invitation;
}

function listScenes(): string[] {
  const list = [...scenes.value.values()];
  if (list.length === 0) return ["You are in no scene: /invite NAME opens one."];
  return list.map((one, index) => `${index + 1}. ${sceneName(one, scene.myPersonaIn(one.id)?.id)} · messages disappear after ${timerName(one.timerSeconds)}`);
}

async function safety(id: string, name: string): Promise<string[]> {
  const mine = member(id);
  const partner = scenes.value.get(id)?.members.find((one) => one.name.toLowerCase() === name.toLowerCase() && one.id !== mine.id);
  if (!partner) throw new Said(`Nobody named ${name} is in this scene; /who lists who is.`);
  return [`Safety number of you and ${partner.name}:`, ...rowsOf(await scene.safety(id, partner.id)),
    "Compare it by voice or face to face: the same digits mean nobody sits between you."];
}

async function lift(kind: "unblock" | "unmute", name: string): Promise<string[]> {
  const wanted = kind === "unblock" ? "block" : "mute";
  const entry = (await tryst.blocks()).find((one) => one.kind === wanted && one.persona.name.toLowerCase() === name.toLowerCase());
  if (!entry) throw new Said(`You have no ${wanted} on ${name}; /blocked lists them.`);
  await tryst.changeBlocks(kind, entry.persona.id);
  return [`You ${kind === "unblock" ? "unblocked" : "unmuted"} ${entry.persona.name}.`];
}

/** Reports line `number` of the others' lines here, 1 being the newest. */
async function reportLine(here: Here, number: number, reason: string) {
  const mine = new Set(personas.value.map((persona) => persona.id));
  if (here.kind === "channel") {
    const theirs = (rooms.value.get(here.name)?.messages ?? []).filter((line) => !mine.has(line.persona.id)).reverse();
    const line = theirs[number - 1];
    if (!line) throw new Said(`There is no line ${number} of others here; 1 is the newest.`);
    return tryst.reportChannel(line, reason, "");
  }
  const theirs = (sceneLines.value.get(here.id) ?? []).filter((line) => line.frank).reverse();
  const line = theirs[number - 1];
  if (!line) throw new Said(`There is no line ${number} of others here; 1 is the newest.`);
  return scene.report(here.id, line, reason, "");
}

async function moderate(number: number, action: Extract<Command, { kind: "moderate" }>["action"], hours: number | null): Promise<string[]> {
  const report = (await tryst.reportQueue(false))[number - 1];
  if (!report) throw new Said(`There is no report ${number}; /queue lists them.`);
  if (action !== "dismiss" && !report.reported) throw new Said("That report names nobody to act on; /moderate N dismiss closes it.");
  await tryst.moderate({ action: action === "ban-persona" ? "ban" : action, report: report.id,
    ...(action === "dismiss" ? {} : { target: report.reported!.id }), ...(action === "ban-persona" ? { scope: "persona" } : {}),
    ...(hours ? { hours } : {}) });
  return [`Done: ${action}${hours ? ` for ${hours} h` : ""} on report ${number}. It is in the audit log.`];
}
