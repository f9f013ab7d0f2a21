import { useEffect, useRef, useState } from "preact/hooks";
import type { Author, Scene } from "../api/protocol";
import { answer, blur, calls, directAllowed, leave, propose, setDevice, show, type CallScreen } from "../app/calls/calls";
import { MAX_IN_CALL, type CallView, type Participant } from "../app/calls/machine";
import type { Quality } from "../app/calls/mesh";

/** A video element playing a stream; muted for the self-view, so that nobody hears themselves. */
function Video({ stream, muted, label, blurred }: { stream: MediaStream; muted: boolean; label: string; blurred?: boolean }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return <video ref={ref} autoPlay playsInline muted={muted} aria-label={label} class={blurred ? "blurred" : undefined} />;
}

const qualityName: Record<Quality["level"], string> = { connecting: "Connecting…", good: "Good", fair: "Fair", poor: "Poor", failed: "Lost" };

/** Who is where in the call, in words: shown to every member of the scene, in the call or not. */
function who(call: CallView, names: Map<string, string>, me: number): string {
  const name = (p: Participant) => (p.leaf === me ? "you" : names.get(p.persona) ?? "someone");
  const inCall = call.participants.filter((p) => p.answer === "yes");
  const asked = call.participants.filter((p) => p.answer === "asked");
  const parts = [`In the call: ${inCall.map((p) => name(p) + (p.media ? "" : " (no video)")).join(", ") || "nobody"}.`];
  if (asked.length) parts.push(`Not answered yet: ${asked.map(name).join(", ")}.`);
  const out = call.participants.filter((p) => p.answer === "no" || p.answer === "left");
  if (out.length) parts.push(`Not in it: ${out.map(name).join(", ")}.`);
  return parts.join(" ");
}

/** What the route means for the person's address, in one sentence, before and during the call. */
function RouteNote({ relay }: { relay: boolean | null }) {
  if (relay === null) return null;
  if (!relay) {
    return <p class="muted">This server has no relay: calls connect directly, so each partner sees your IP address, which can tell roughly where you are and who your internet provider is.</p>;
  }
  return (
    <label class="check">
      <input type="checkbox" checked={directAllowed.value} onChange={(e) => (directAllowed.value = (e.target as HTMLInputElement).checked)} />
      <span>Allow direct connections for better quality (for connections made from now on). Calls go through this server's relay, so partners never see your IP address; a direct connection shows it to them, which can tell roughly where you are.</span>
    </label>
  );
}

/** The cameras and microphones of this device, once the browser lets the page name them. */
function useDevices(active: boolean): MediaDeviceInfo[] {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    if (!active || !navigator.mediaDevices) return;
    const list = () => void navigator.mediaDevices.enumerateDevices().then(setDevices).catch(() => undefined);
    list();
    navigator.mediaDevices.addEventListener("devicechange", list);
    return () => navigator.mediaDevices.removeEventListener("devicechange", list);
  }, [active]);
  return devices;
}

/** A camera or microphone switch, with the choice of device beside it. */
function DeviceSwitch({ scene, kind, on, devices, refresh }: { scene: string; kind: "camera" | "microphone"; on: boolean; devices: MediaDeviceInfo[]; refresh: () => void }) {
  const [chosen, choose] = useState("");
  const listed = devices.filter((d) => d.kind === (kind === "camera" ? "videoinput" : "audioinput") && d.deviceId);
  const turn = (next: boolean, deviceId = chosen) => void setDevice(scene, kind, next, deviceId || undefined).then(refresh);
  const title = kind === "camera" ? "Camera" : "Microphone";
  return (
    <span class="device">
      <button type="button" aria-pressed={on} onClick={() => turn(!on)}>{title} {on ? "on" : "off"}</button>
      {listed.length > 1 && (
        <select aria-label={`Which ${kind}`} value={chosen} onChange={(e) => {
          const id = (e.target as HTMLSelectElement).value;
          choose(id);
          if (on) turn(true, id);
        }}>
          <option value="">Default {kind}</option>
          {listed.map((d, i) => <option key={d.deviceId} value={d.deviceId}>{d.label || `${title} ${i + 1}`}</option>)}
        </select>
      )}
    </span>
  );
}

/** A partner's tile: their video blurred until this person chooses Show, with their camera, microphone and connection state. */
function PartnerTile({ scene, screen, partner, name }: { scene: string; screen: CallScreen; partner: Participant; name: string }) {
  const linked = screen.remote.get(partner.leaf);
  const shown = screen.shown.has(partner.leaf);
  const quality = linked?.quality;
  return (
    <figure class="tile" data-leaf={partner.leaf} data-route={quality?.route ?? ""} data-frames-decoded={quality?.framesDecoded ?? 0}
      data-shown={shown ? "yes" : "no"}>
      {linked && partner.camera
        ? <Video stream={linked.stream} muted={false} label={`${name}'s video${shown ? "" : ", blurred"}`} blurred={!shown} />
        : <div class="no-video">{partner.camera ? "Connecting…" : "Camera off"}{linked && <Video stream={linked.stream} muted={false} label={`${name}'s sound`} />}</div>}
      {linked && partner.camera && !shown && (
        <button type="button" class="show" onClick={() => show(scene, partner.leaf)}>Show<span class="sr-only"> {name}'s video</span></button>
      )}
      {linked && partner.camera && shown && (
        <button type="button" class="blur" onClick={() => blur(scene, partner.leaf)}>Blur<span class="sr-only"> {name}'s video again</span></button>
      )}
      <figcaption>
        <b>{name}</b>
        <span class="marks">{partner.camera ? "" : " · camera off"}{partner.microphone ? "" : " · muted"}</span>
        {quality && <span class="quality"> · {qualityName[quality.level]}{quality.route ? ` · ${quality.route === "relay" ? "relayed" : "direct"}` : ""}
          {quality.rttMs !== null ? ` · ${quality.rttMs} ms` : ""}</span>}
      </figcaption>
    </figure>
  );
}

/**
 * A scene's call: anyone in the scene proposes it, each person says yes or no, and nothing of
 * anyone's camera or microphone goes to someone who has not said yes. Cameras and microphones start
 * off; a partner's video is blurred until this person chooses Show. Every member sees who is in it.
 */
export function CallPanel({ scene, me }: { scene: Scene; me: Author }) {
  const screen = calls.value.get(scene.id);
  const [, redraw] = useState(0);
  const call = screen?.call ?? null;
  const mine = call?.participants.find((p) => p.leaf === call.me);
  const joined = mine?.answer === "yes";
  const devices = useDevices(joined && (screen?.camera || screen?.microphone || false));
  if (!screen) return null;
  const names = new Map(scene.members.map((m) => [m.id, m.id === me.id ? "you" : m.name]));
  const tooMany = scene.members.length > MAX_IN_CALL;

  if (!call) {
    return (
      <section class="call-panel idle" aria-label="Call">
        <button type="button" onClick={() => propose(scene.id)}>Propose a call</button>
        <span class="muted">{tooMany
          ? ` Calls connect at most ${MAX_IN_CALL} people: the first ${MAX_IN_CALL} to say yes are in.`
          : " Everyone is asked; cameras and microphones stay off until each person turns theirs on."}</span>
      </section>
    );
  }
  const proposer = call.participants.find((p) => p.leaf === call.proposer);
  const partners = call.participants.filter((p) => p.leaf !== call.me && p.answer === "yes" && p.media);
  return (
    <section class="call-panel" aria-label="Call" data-view={joined ? "call" : "call-asked"}>
      <p class="call-status" role="status"><b>A call is on.</b> {who(call, names, call.me)}</p>
      {!joined && (
        <div class="call-ask">
          <p>{proposer && proposer.leaf !== call.me ? `${names.get(proposer.persona) ?? "Someone"} proposes a call.` : "Join the call?"}
            {" "}Your camera and microphone stay off until you turn them on.</p>
          <RouteNote relay={screen.relay} />
          {call.full && mine?.answer !== "yes" ? <p class="muted">The call is full: it connects at most {MAX_IN_CALL} people.</p> : (
            <span class="buttons">
              <button type="button" onClick={() => answer(scene.id, true)}>Yes, join</button>
              {mine?.answer === "asked" && <button type="button" onClick={() => answer(scene.id, false)}>No</button>}
            </span>
          )}
        </div>
      )}
      {joined && (
        <>
          <div class="tiles">
            <figure class="tile self">
              {screen.local && screen.camera ? <Video stream={screen.local} muted label="Your camera" /> : <div class="no-video">Your camera is off</div>}
              <figcaption><b>You</b><span class="marks">{screen.camera ? "" : " · camera off"}{screen.microphone ? "" : " · muted"}</span></figcaption>
            </figure>
            {partners.map((p) => <PartnerTile key={p.leaf} scene={scene.id} screen={screen} partner={p} name={names.get(p.persona) ?? "Someone"} />)}
          </div>
          {partners.length === 0 && <p class="muted">Waiting for someone else to say yes.</p>}
          <div class="call-controls">
            <DeviceSwitch scene={scene.id} kind="camera" on={screen.camera} devices={devices} refresh={() => redraw((n) => n + 1)} />
            <DeviceSwitch scene={scene.id} kind="microphone" on={screen.microphone} devices={devices} refresh={() => redraw((n) => n + 1)} />
            <button type="button" class="danger" onClick={() => leave(scene.id)}>Leave the call</button>
          </div>
          <RouteNote relay={screen.relay} />
        </>
      )}
    </section>
  );
}
