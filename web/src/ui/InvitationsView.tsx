import type { Invitation } from "../api/protocol";
import { invitations } from "../app/state";
import { accept, decline } from "../app/invitations";
import { ViewHeader } from "./Bar";
import { SideBySide, topicList } from "./Boundaries";
import { explain } from "./errors";
import { useNarrow } from "./media";
import { SceneSetting } from "./SceneSetting";
import { useStatus } from "./status";

const until = (at: number) => new Date(at).toLocaleString([], { dateStyle: "short", timeStyle: "short" });

/** Invitations into private scenes: those waiting for an answer, and those sent. */
export function InvitationsView() {
  const narrow = useNarrow();
  const { received, sent } = invitations.value;
  const [status, say] = useStatus();
  return (
    <>
      <ViewHeader narrow={narrow} title="Invitations" />
      <div class="page invitations">
      {status}
      {received.length === 0 && <p class="muted">Nobody is inviting you right now.</p>}
      <ul>{received.map((invitation) => <Received key={invitation.id} invitation={invitation} say={say} />)}</ul>
      {sent.length > 0 && <h2>Sent</h2>}
      <ul>{sent.map((invitation) => (
        <li key={invitation.id}>{invitation.to.name}: {invitation.status === "accepted" ? "accepted" : `no answer yet (open until ${until(invitation.expiresAt)})`}
          {" "}· proposes {topicList(invitation.topics)}; safeword “{invitation.safeword}”</li>
      ))}</ul>
      </div>
    </>
  );
}

/** One invitation to answer: who, where the scene is set, the note, both boundaries side by side, and exactly what accepting agrees to. */
function Received({ invitation, say }: { invitation: Invitation; say: (text: string, failed?: boolean) => void }) {
  return (
    <li class="card">
      <h2 class="invitation-title"><b>{invitation.from.name}</b> invites {invitation.to.name} into a private scene</h2>
      {invitation.setting && <SceneSetting setting={invitation.setting} />}
      {invitation.note && <p class="note">“{invitation.note}”</p>}
      <SideBySide rows={invitation.matches} from={invitation.from.name} to={`You (${invitation.to.name})`} invitee="you" />
      {invitation.fromNotes && <p><b>{invitation.from.name}'s notes:</b> {invitation.fromNotes}</p>}
      <p class="agreement">Accepting agrees to: {topicList(invitation.topics)}; safeword “{invitation.safeword}”.</p>
      <p class="buttons">
        <button type="submit" onClick={() => accept(invitation).then(() => say("Accepted: you join as soon as they add you."), (f) => say(explain(f), true))}>
          Accept and agree</button>
        <button type="button" onClick={() => decline(invitation).then(() => say(`You declined. ${invitation.from.name} is not told.`), (f) => say(explain(f), true))}>
          Decline</button>
      </p>
      <p class="muted">A decline is never shown to {invitation.from.name}: to them it looks unanswered until it expires.</p>
    </li>
  );
}
