import type { Presence, ServerMessage } from "../api/protocol";
import { ownPersonaChanged, personas, updateRoom } from "./state";
import { heardStatus, withStatus } from "./statuses";

/**
 * The `presence` event of a channel: a member's status or status line changed. The member list
 * shows it, the profile and the board too (what statuses.ts heard last), and one of the account's
 * own personas changed on another device takes the choice here as well.
 */
export function event(message: ServerMessage): boolean {
  if (message.type !== "presence") return false;
  const persona = String(message.persona);
  const status = message.status as Presence;
  const line = typeof message.statusLine === "string" && message.statusLine ? message.statusLine : undefined;
  heardStatus(persona, status, line);
  updateRoom(String(message.channel), (room) => ({
    ...room, members: room.members.map((member) => (member.id === persona ? withStatus(member, status, line) : member)),
  }));
  ownStatusElsewhere(persona, status, line);
  return true;
}

/**
 * What others see of one's own persona is what it chose, unless it shows away (idle, or chosen)
 * or offline, which say nothing sure of the choice; its line is sure either way.
 */
function ownStatusElsewhere(id: string, status: Presence, line: string | undefined): void {
  const own = personas.value.find((persona) => persona.id === id);
  if (!own) return;
  const chosen = status === "away" || status === "offline" ? own.status ?? "online" : status;
  if (chosen === own.status && line === own.statusLine) return;
  ownPersonaChanged(withStatus(own, chosen, line));
}
