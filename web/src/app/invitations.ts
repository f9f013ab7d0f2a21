// Invitations into private scenes: sending one (into a scene, or a scene opened for it) and answering one.
import type { Invitation, Persona, Scene, ServerMessage } from "../api/protocol";
import { create, leave } from "./scenes";
import { invitations } from "./state";
import { request } from "./tryst";

/**
 * Invites a persona (by id) into a scene with a short note, proposing topics and a safeword word
 * (left out: the server's default, or the scene's agreement once it has one).
 */
export async function invite(sceneId: string, from: Persona, inviteeId: string, note: string,
                             proposal: { topics?: string[]; safeword?: string } = {}): Promise<void> {
  const sent = await request<ServerMessage & { invitation: Invitation }>("scene.invite",
    { scene: sceneId, persona: from.id, invitee: inviteeId, note, ...proposal });
  invitations.value = { ...invitations.value, sent: [...invitations.value.sent.filter((i) => i.id !== sent.invitation.id), sent.invitation] };
}

/**
 * Opens a scene for one invitation and sends it, set in `room` (the world room `from` is in) when
 * given; when the invitation is refused (cooling-off, a block, a rate limit), the scene made only
 * for it is left at once.
 */
export async function inviteIntoNewScene(from: Persona, inviteeId: string, note: string,
                                         proposal: { topics?: string[]; safeword?: string } = {}, room?: string): Promise<Scene> {
  const scene = await create(from, room);
  try {
    await invite(scene.id, from, inviteeId, note, proposal);
  } catch (refused) {
    await leave(scene.id, from).catch(() => undefined);
    throw refused;
  }
  return scene;
}

/** Accepts an invitation, agreeing to exactly the topics and safeword word it shows. */
export async function accept(invitation: Invitation): Promise<void> {
  await request("invitation.accept", { invitation: invitation.id, topics: invitation.topics, safeword: invitation.safeword });
  invitations.value = { ...invitations.value, received: invitations.value.received.filter((i) => i.id !== invitation.id) };
}

/** Declines an invitation; the sender is never told, and sees it unanswered until it expires. */
export async function decline(invitation: Invitation): Promise<void> {
  await request("invitation.decline", { invitation: invitation.id });
  invitations.value = { ...invitations.value, received: invitations.value.received.filter((i) => i.id !== invitation.id) };
}
