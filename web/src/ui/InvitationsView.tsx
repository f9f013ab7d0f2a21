import { invitations, notice } from "../app/state";
import { accept, decline } from "../app/scenes";
import { SideBySide, topicList } from "./Boundaries";
import { explain } from "./errors";

const until = (at: number) => new Date(at).toLocaleString([], { dateStyle: "short", timeStyle: "short" });

/** Invitations into private scenes: those waiting for an answer, and those sent. */
export function InvitationsView() {
  const { received, sent } = invitations.value;
  return (
    <div class="invitations">
      <h2>Invitations</h2>
      {received.length === 0 && <p class="muted">Nobody is inviting you right now.</p>}
      <ul>{received.map((invitation) => (
        <li key={invitation.id}>
          <p><b>{invitation.from.name}</b> invites {invitation.to.name} into a private scene: “{invitation.note}”</p>
          <SideBySide rows={invitation.matches} from={invitation.from.name} to={`You (${invitation.to.name})`} invitee="you" />
          {invitation.fromNotes && <p><b>{invitation.from.name}'s notes:</b> {invitation.fromNotes}</p>}
          <p class="agreement">Accepting agrees to: {topicList(invitation.topics)}; safeword “{invitation.safeword}”.</p>
          <button type="submit" onClick={() => accept(invitation).then(() => (notice.value = "Accepted: you join as soon as they add you."), (f) => (notice.value = explain(f)))}>
            Accept and agree</button>{" "}
          <button type="button" onClick={() => decline(invitation).catch((f) => (notice.value = explain(f)))}>Decline</button>
          <p class="muted">A decline is never shown to {invitation.from.name}: to them it looks unanswered until it expires.</p>
        </li>
      ))}</ul>
      {sent.length > 0 && <h3>Sent</h3>}
      <ul>{sent.map((invitation) => (
        <li key={invitation.id}>{invitation.to.name}: {invitation.status === "accepted" ? "accepted" : `no answer yet (open until ${until(invitation.expiresAt)})`}
          {" "}· proposes {topicList(invitation.topics)}; safeword “{invitation.safeword}”</li>
      ))}</ul>
    </div>
  );
}
