import { Fragment } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Author, Scene } from "../api/protocol";
import { safety } from "../app/scenes";
import { sceneEpochs } from "../app/state";
import { verifications } from "../app/verification";
import { groupsOf } from "../mls/safety";
import { explain } from "./errors";
import { QrCode } from "./QrCode";
import { useStatus } from "./status";

/** Where a partner's safety number sits in the scene's details, for the notice's Compare to go to. */
const placeOf = (partner: string) => `safety-${partner}`;

function Check() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7.25" fill="currentColor" />
      <path d="M4.6 8.2l2.2 2.2 4.6-4.8" fill="none" stroke="var(--raised)" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

/**
 * The mark beside a partner's name while this device's persona has verified their safety number and
 * it has not changed since; nothing otherwise. `word` shows "verified" beside the check.
 */
export function VerifiedMark({ mine, partner, name, word = false }: { mine: string; partner: string; name: string; word?: boolean }) {
  if (verifications.standing(mine, partner) !== "verified") return null;
  return (
    <span class="verified" title={`You verified your safety number with ${name} on this device`}>
      <Check /><span class={word ? undefined : "sr-only"}> verified</span>
    </span>
  );
}

/**
 * The scene's word that a verified partner's safety number changed: calm, since a new device is the
 * usual reason, with the way to compare again, until the person verifies it again or dismisses it.
 */
export function SafetyChanged({ scene, me, openDetails }: { scene: Scene; me: Author; openDetails: () => void }) {
  const changed = scene.members.filter((member) => member.id !== me.id && verifications.standing(me.id, member.id) === "changed");
  const [failure, setFailure] = useState<string | null>(null);
  if (changed.length === 0) return null;
  const compare = (partner: string) => {
    openDetails();
    // The sheet on a phone draws its contents once open; the number is there after this render. Only
    // the pane of details scrolls to it: scrollIntoView would scroll the sheet itself too, and its head away.
    setTimeout(() => {
      const place = document.getElementById(placeOf(partner));
      const pane = place?.closest(".sheet-body, .details");
      if (!place || !pane) return;
      pane.scrollTop += place.getBoundingClientRect().top - pane.getBoundingClientRect().top;
      place.querySelector("button")?.focus({ preventScroll: true });
    }, 0);
  };
  const dismiss = (partner: string) => verifications.dismiss(me.id, partner).catch((f) => setFailure(explain(f)));
  return (
    <div class="safety-changed" role="status">
      {changed.map((other) => (
        <p key={other.id}>
          <span><b>{other.name}'s safety number changed — compare again.</b> It changes when either of you uses a new device,
            and would if someone came between you: compare it before you mark it verified again.</span>
          <span class="buttons">
            <button type="button" onClick={() => compare(other.id)}>Compare<span class="sr-only"> the safety number with {other.name}</span></button>
            <button type="button" onClick={() => dismiss(other.id)}>Dismiss<span class="sr-only"> the notice about {other.name}</span></button>
          </span>
        </p>
      ))}
      {failure && <p class="error">{failure}</p>}
    </div>
  );
}

/** Each partner's safety number in the scene: to read aloud, to scan, to copy, and to mark verified. */
export function SafetyNumbers({ scene, me }: { scene: Scene; me: Author }) {
  return (
    <section aria-labelledby="safety-numbers">
      <h2 id="safety-numbers">Safety numbers</h2>
      {scene.members.filter((member) => member.id !== me.id).map((other) => (
        <PartnerNumber key={other.id} scene={scene} me={me} other={other} />
      ))}
      <p class="muted">Compare it with your partner, reading it aloud face to face or on a call, or let them scan the code with
        another device: the same digits mean nobody sits between you. Then mark it verified; the mark is kept on this device only.</p>
    </section>
  );
}

function PartnerNumber({ scene, me, other }: { scene: Scene; me: Author; other: Author }) {
  const standing = verifications.standing(me.id, other.id);
  // A changed number shows at once: the person came to compare it again.
  const [open, setOpen] = useState(standing === "changed");
  const [number, setNumber] = useState<string | null>(null);
  const [status, say] = useStatus();
  const epoch = sceneEpochs.value.get(scene.id)?.epoch;
  useEffect(() => {
    if (standing === "changed") setOpen(true);
  }, [standing]);
  // Computed afresh at each epoch, so that what shows is the number of the keys in the scene now.
  useEffect(() => {
    if (!open) return;
    let current = true;
    safety(scene.id, other.id).then((computed) => current && setNumber(computed), (failure) => current && say(explain(failure), true));
    return () => { current = false; };
  }, [open, epoch, scene.id, other.id]);
  const groups = number && groupsOf(number);
  const act = (work: () => Promise<void>, done: string) => work().then(() => say(done), (failure) => say(explain(failure), true));
  const copy = () => Promise.resolve().then(() => navigator.clipboard.writeText(number!))
    .then(() => say("Copied."), () => say("This browser did not let the page copy it: select the digits instead.", true));
  return (
    <div class="safety-pair" id={placeOf(other.id)}>
      <p class="safety-title">
        <button type="button" class="link" aria-expanded={open} onClick={() => setOpen(!open)}>Safety number with {other.name}</button>
        <VerifiedMark mine={me.id} partner={other.id} name={other.name} word />
      </p>
      {open && groups && (
        <>
          {/* A list, so that a screen reader goes group by group; the spaces between make one string to copy. */}
          <ol class="safety" aria-label={`Safety number with ${other.name}`}>
            {groups.map((group, i) => <Fragment key={i}>{i > 0 && " "}<li>{group}</li></Fragment>)}
          </ol>
          <QrCode text={number} label={`QR code of the safety number with ${other.name}`} />
          <p class="buttons">
            {standing === "verified"
              ? <button type="button" onClick={() => act(() => verifications.dismiss(me.id, other.id), `${other.name} is no longer marked verified.`)}>
                Clear verification</button>
              : <button type="button" onClick={() => act(() => verifications.verify(me.id, other.id, number), `You marked ${other.name} verified.`)}>
                Mark as verified</button>}
            <button type="button" onClick={copy}>Copy<span class="sr-only"> the safety number</span></button>
          </p>
        </>
      )}
      {status}
    </div>
  );
}
