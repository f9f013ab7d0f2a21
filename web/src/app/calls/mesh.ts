/**
 * The WebRTC side of one call on this device: one RTCPeerConnection per partner device the
 * {@link CallMachine} linked, this person's camera and microphone (off until they turn them on),
 * and each connection's quality from getStats. Every connection carries one audio and one video
 * transceiver from the start, so that turning a camera on or off swaps a track and never needs a
 * new offer: the lower leaf offers once per partner, as the protocol says.
 */
import type { Candidate, CallMessage } from "./messages";

/** The server's media.turn answer: short-lived TURN credentials, and whether the operator runs TURN at all. */
export interface Turn { iceServers: RTCIceServer[]; expiresAt: number; relay: boolean }

/** How a partner's connection is doing, as the tile shows it. */
export interface Quality {
  level: "connecting" | "good" | "fair" | "poor" | "failed";
  /** How the media travels: through the TURN relay, or straight between the two devices. */
  route: "relay" | "direct" | null;
  framesDecoded: number;
  rttMs: number | null;
  /** Share of the partner's packets lost, 0 to 1. */
  loss: number;
}

/** What a mesh needs from the rest of the client. */
export interface MeshHooks {
  call: string;
  /** Sends a call message to the scene. */
  signal(message: CallMessage): Promise<void>;
  /** TURN credentials fresh enough for a new connection. */
  turn(): Promise<Turn>;
  /** Whether this person chose direct connections over the relay. */
  allowDirect(): boolean;
  /** Whether the call still lets this device send to that partner (both said yes, both in the call). */
  mayReach(leaf: number): boolean;
  /** Something the UI shows changed: a partner's video arrived, a quality figure moved, a device turned on. */
  changed(): void;
}

interface Peer { pc: RTCPeerConnection; remote: MediaStream; described: boolean; early: Candidate[]; quality: Quality; failed: boolean }

/** Long enough for host and relay candidates on any sane network; the rest trickle as call.ice. */
const GATHERING_MS = 2_000;
const STATS_MS = 2_000;
/** A connection not up by then is shown as lost (a relay refusing its credentials, a network that blocks it). */
const CONNECTING_MS = 20_000;

/** One call's connections and local media. */
export class Mesh {
  private readonly peers = new Map<number, Peer>();
  private camera: MediaStreamTrack | null = null;
  private microphone: MediaStreamTrack | null = null;
  /** Shown as the self-view: only this device's own tracks. */
  readonly local = new MediaStream();
  private readonly stats: ReturnType<typeof setInterval>;
  private closed = false;

  constructor(private readonly hooks: MeshHooks) {
    this.stats = setInterval(() => void this.measure(), STATS_MS);
  }

  /** The call this mesh belongs to. */
  get call(): string { return this.hooks.call; }
  cameraOn(): boolean { return this.camera !== null; }
  microphoneOn(): boolean { return this.microphone !== null; }
  remote(leaf: number): MediaStream | undefined { return this.peers.get(leaf)?.remote; }
  quality(leaf: number): Quality | undefined { return this.peers.get(leaf)?.quality; }

  /** Turns the camera on (from this device, or the default) or off; off stops the track, so the camera's light goes out. */
  async setCamera(on: boolean, deviceId?: string): Promise<void> {
    this.camera = await this.swap("video", this.camera, on, deviceId);
  }

  async setMicrophone(on: boolean, deviceId?: string): Promise<void> {
    this.microphone = await this.swap("audio", this.microphone, on, deviceId);
  }

  /** Opens a connection to a partner and sends the offer (this device has the lower leaf). */
  async offer(leaf: number): Promise<void> {
    const peer = await this.open(leaf);
    peer.pc.addTransceiver("audio", { direction: "sendrecv" });
    peer.pc.addTransceiver("video", { direction: "sendrecv" });
    await this.attach(peer.pc);
    await peer.pc.setLocalDescription(await peer.pc.createOffer());
    await this.describe(leaf, peer, "call.offer");
  }

  /** Opens a connection from a partner's offer and sends the answer; a new offer from the same partner starts afresh. */
  async accept(leaf: number, sdp: string): Promise<void> {
    this.disconnect(leaf);
    const peer = await this.open(leaf);
    await peer.pc.setRemoteDescription({ type: "offer", sdp });
    await this.described(peer);
    for (const transceiver of peer.pc.getTransceivers()) transceiver.direction = "sendrecv";
    await this.attach(peer.pc);
    await peer.pc.setLocalDescription(await peer.pc.createAnswer());
    await this.describe(leaf, peer, "call.answer");
  }

  async answered(leaf: number, sdp: string): Promise<void> {
    const peer = this.peers.get(leaf);
    if (!peer) return;
    await peer.pc.setRemoteDescription({ type: "answer", sdp });
    await this.described(peer);
  }

  /** A partner's candidate; one that comes before its description waits for it. */
  async candidate(leaf: number, candidate: Candidate): Promise<void> {
    const peer = this.peers.get(leaf);
    if (!peer) return;
    if (!peer.described) peer.early.push(candidate);
    else await peer.pc.addIceCandidate(candidate).catch(() => undefined); // a candidate the browser cannot use is no reason to drop the call
  }

  /** Closes the connection to a partner at once. */
  disconnect(leaf: number): void {
    const peer = this.peers.get(leaf);
    if (!peer) return;
    this.peers.delete(leaf);
    peer.pc.close();
    for (const track of peer.remote.getTracks()) track.stop();
    this.hooks.changed();
  }

  /** Stops the camera and microphone; the connections stay, sending nothing. */
  stopMedia(): void {
    for (const track of [this.camera, this.microphone]) track?.stop();
    for (const track of this.local.getTracks()) this.local.removeTrack(track);
    this.camera = this.microphone = null;
    for (const { pc } of this.peers.values()) for (const sender of pc.getSenders()) void sender.replaceTrack(null).catch(() => undefined);
  }

  /** Ends everything at once and synchronously (the panic key relies on it): tracks stop, connections close. */
  close(): void {
    this.closed = true;
    clearInterval(this.stats);
    for (const track of [this.camera, this.microphone]) track?.stop();
    this.camera = this.microphone = null;
    for (const leaf of [...this.peers.keys()]) this.disconnect(leaf);
  }

  private async open(leaf: number): Promise<Peer> {
    const turn = await this.hooks.turn();
    const pc = new RTCPeerConnection({
      iceServers: turn.iceServers,
      // With the operator's relay, partners never learn each other's address unless the person allows it.
      iceTransportPolicy: turn.relay && !this.hooks.allowDirect() ? "relay" : "all",
    });
    const peer: Peer = { pc, remote: new MediaStream(), described: false, early: [], quality: { level: "connecting", route: null, framesDecoded: 0, rttMs: null, loss: 0 }, failed: false };
    if (this.closed || !this.hooks.mayReach(leaf)) {
      pc.close();
      throw new Error("the call no longer reaches that partner");
    }
    this.peers.set(leaf, peer);
    pc.ontrack = (event) => {
      peer.remote.addTrack(event.track);
      this.hooks.changed();
    };
    const lost = () => {
      peer.failed = true;
      peer.quality = { ...peer.quality, level: "failed" };
      this.hooks.changed();
    };
    const giveUp = setTimeout(() => pc.connectionState !== "connected" && pc.connectionState !== "closed" && lost(), CONNECTING_MS);
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === "failed") lost();
      else if (pc.connectionState === "connected") peer.failed = false;
      if (pc.connectionState === "closed") clearTimeout(giveUp);
      this.hooks.changed();
    };
    return peer;
  }

  /** Sends this side's description once its candidates are gathered (or after GATHERING_MS); later candidates trickle. */
  private async describe(leaf: number, peer: Peer, kind: "call.offer" | "call.answer"): Promise<void> {
    const { pc } = peer;
    await new Promise<void>((done) => {
      if (pc.iceGatheringState === "complete") return done();
      const timer = setTimeout(done, GATHERING_MS);
      pc.addEventListener("icegatheringstatechange", () => {
        if (pc.iceGatheringState === "complete") { clearTimeout(timer); done(); }
      });
    });
    if (this.peers.get(leaf) !== peer || !this.hooks.mayReach(leaf)) return;
    const sdp = pc.localDescription!.sdp;
    pc.onicecandidate = (event) => {
      const c = event.candidate;
      if (!c || !c.candidate || !this.hooks.mayReach(leaf)) return;
      void this.hooks.signal({ kind: "call.ice", call: this.hooks.call, to: leaf, candidate: { candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex } })
        .catch(() => undefined);
    };
    await this.hooks.signal({ kind, call: this.hooks.call, to: leaf, sdp });
  }

  private async described(peer: Peer): Promise<void> {
    peer.described = true;
    const early = peer.early.splice(0);
    for (const candidate of early) await peer.pc.addIceCandidate(candidate).catch(() => undefined);
  }

  /** Puts this device's current tracks on a connection's senders. */
  private async attach(pc: RTCPeerConnection): Promise<void> {
    for (const transceiver of pc.getTransceivers()) {
      const kind = transceiver.receiver.track.kind;
      await transceiver.sender.replaceTrack(kind === "video" ? this.camera : this.microphone);
    }
  }

  private async swap(kind: "audio" | "video", current: MediaStreamTrack | null, on: boolean, deviceId?: string): Promise<MediaStreamTrack | null> {
    let next: MediaStreamTrack | null = null;
    if (on) {
      const constraints = deviceId ? { deviceId: { exact: deviceId } } : true;
      const stream = await navigator.mediaDevices.getUserMedia(kind === "video" ? { video: constraints } : { audio: constraints });
      next = stream.getTracks()[0];
      if (this.closed) {
        next.stop();
        return null;
      }
    }
    if (current) {
      current.stop();
      this.local.removeTrack(current);
    }
    if (next) this.local.addTrack(next);
    for (const { pc } of this.peers.values()) {
      for (const transceiver of pc.getTransceivers()) {
        if (transceiver.receiver.track.kind === kind && !pc.signalingState.startsWith("closed")) await transceiver.sender.replaceTrack(next);
      }
    }
    this.hooks.changed();
    return next;
  }

  /** Reads each connection's statistics: frames decoded, round trip, loss, and whether the chosen pair goes through the relay. */
  private async measure(): Promise<void> {
    for (const peer of this.peers.values()) {
      const report = await peer.pc.getStats().catch(() => null);
      if (!report) continue;
      peer.quality = qualityOf(report, peer.failed);
    }
    this.hooks.changed();
  }
}

/** A connection's quality from its statistics. */
export function qualityOf(report: RTCStatsReport, failed: boolean): Quality {
  const all = [...report.values()] as Record<string, unknown>[];
  let framesDecoded = 0;
  let received = 0;
  let lost = 0;
  for (const s of all) {
    if (s.type !== "inbound-rtp") continue;
    if (s.kind === "video") framesDecoded += Number(s.framesDecoded ?? 0);
    received += Number(s.packetsReceived ?? 0);
    lost += Math.max(0, Number(s.packetsLost ?? 0));
  }
  const transport = all.find((s) => s.type === "transport" && s.selectedCandidatePairId);
  const pair = transport ? report.get(String(transport.selectedCandidatePairId)) as Record<string, unknown> | undefined
    : all.find((s) => s.type === "candidate-pair" && s.nominated && s.state === "succeeded");
  const localCandidate = pair && report.get(String(pair.localCandidateId)) as Record<string, unknown> | undefined;
  // What the partner learns is this side's candidate: through the relay, they see only the relay's address.
  const route = !pair ? null : localCandidate?.candidateType === "relay" ? "relay" : "direct";
  const rtt = pair?.currentRoundTripTime === undefined ? null : Math.round(Number(pair.currentRoundTripTime) * 1000);
  const loss = received + lost === 0 ? 0 : lost / (received + lost);
  const level = failed ? "failed" : !pair ? "connecting"
    : (rtt ?? 0) < 300 && loss < 0.02 ? "good" : (rtt ?? 0) < 800 && loss < 0.08 ? "fair" : "poor";
  return { level, route, framesDecoded, rttMs: rtt, loss };
}
