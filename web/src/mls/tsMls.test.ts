import { beforeAll, describe, expect, test } from "vitest";
import { buffer, concat, equalBytes, fromUtf8, utf8 } from "./bytes";
import { MlsError, type Group, type Handled, type Mls } from "./mls";
import { FORMAT, TsMls } from "./tsMls";

/** The server's side of a scene: an Ed25519 key, and removal proposals framed and signed as Bouncy Castle frames them. */
class FakeServer {
  private constructor(readonly publicKey: Uint8Array, private readonly privateKey: CryptoKey) {}

  static async create(): Promise<FakeServer> {
    const pair = (await crypto.subtle.generateKey("Ed25519", true, ["sign", "verify"])) as CryptoKeyPair;
    return new FakeServer(new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey)), pair.privateKey);
  }

  /** A PublicMessage from external sender 0 proposing to remove a leaf (RFC 9420, sections 6 and 12.1.3). */
  async proposeRemoval(groupId: string, epoch: bigint, leaf: number): Promise<Uint8Array> {
    const epochBytes = new Uint8Array(8);
    new DataView(epochBytes.buffer).setBigUint64(0, epoch);
    const content = concat(
      vector(utf8(groupId)), epochBytes,
      Uint8Array.of(2), u32(0), // sender: external, index 0
      vector(new Uint8Array()), // no authenticated data
      Uint8Array.of(2), u16(3), u32(leaf), // a proposal: remove this leaf
    );
    const header = concat(u16(1), u16(1)); // MLS 1.0, PublicMessage; an external sender's TBS has no group context
    const signContent = concat(vector(utf8("MLS 1.0 FramedContentTBS")), vector(concat(header, content)));
    const signature = new Uint8Array(await crypto.subtle.sign("Ed25519", this.privateKey, buffer(signContent)));
    return concat(header, content, vector(signature));
  }
}

function u16(value: number): Uint8Array {
  return Uint8Array.of(value >> 8, value & 0xff);
}

function u32(value: number): Uint8Array {
  return Uint8Array.of(value >>> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
}

function vector(bytes: Uint8Array): Uint8Array {
  return concat(bytes.length < 64 ? Uint8Array.of(bytes.length) : u16(0x4000 | bytes.length), bytes);
}

async function said(group: Group, text: string): Promise<Uint8Array> {
  return group.protect(utf8(`ad:${text}`), utf8(text));
}

async function heard(group: Group, message: Uint8Array): Promise<{ from: string; text: string; authenticatedData: string }> {
  const handled = await group.handle(message);
  if (handled.kind !== "application") throw new Error(`expected application data, got ${handled.kind}`);
  return { from: handled.sender.personaId, text: fromUtf8(handled.plaintext), authenticatedData: fromUtf8(handled.authenticatedData) };
}

function expectSameEpoch(...groups: Group[]): void {
  for (const group of groups) {
    expect(group.epoch()).toBe(groups[0].epoch());
    expect(equalBytes(group.epochAuthenticator(), groups[0].epochAuthenticator())).toBe(true);
  }
}

/** Commits and, as the server's acceptance would, confirms; the others handle the commit. */
async function committed(by: Group, adds: Uint8Array[], removes: number[], others: Group[]): Promise<Uint8Array | undefined> {
  const commit = await by.commit(adds, removes);
  await by.confirm();
  for (const other of others) expect((await other.handle(commit.message)).kind).toBe("newEpoch");
  return commit.welcome;
}

describe("a scene of three devices over ts-mls", () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await FakeServer.create();
  });

  async function threeMembers(): Promise<{ devices: Mls[]; groups: Group[] }> {
    const devices = [await TsMls.create(), await TsMls.create(), await TsMls.create()];
    const alice = await devices[0].create("scene-1", "alice", server.publicKey);
    expect(alice.epoch()).toBe(0n);
    const bobWelcome = await committed(alice, [await devices[1].newKeyPackage("bob")], [], []);
    const bob = await devices[1].join(bobWelcome!);
    const carolWelcome = await committed(alice, [await devices[2].newKeyPackage("carol")], [], [bob]);
    const carol = await devices[2].join(carolWelcome!);
    return { devices, groups: [alice, bob, carol] };
  }

  test("members join by Welcome, agree on the epoch, and talk both ways", async () => {
    const { devices, groups: [alice, bob, carol] } = await threeMembers();
    expectSameEpoch(alice, bob, carol);
    expect(alice.epoch()).toBe(2n);
    expect(devices[1].unusedKeyPackages("bob")).toBe(0);
    expect(carol.members().map((m) => [m.leaf, m.personaId])).toEqual([[0, "alice"], [1, "bob"], [2, "carol"]]);
    expect(equalBytes(carol.members()[1].signatureKey, devices[1].signatureKey())).toBe(true);
    expect([alice.ownLeaf(), bob.ownLeaf(), carol.ownLeaf()]).toEqual([0, 1, 2]);

    const hello = await said(alice, "hello");
    expect(await heard(bob, hello)).toEqual({ from: "alice", text: "hello", authenticatedData: "ad:hello" });
    expect(await heard(carol, hello)).toEqual({ from: "alice", text: "hello", authenticatedData: "ad:hello" });
    const reply = await said(bob, "hi alice");
    expect((await heard(alice, reply)).from).toBe("bob");
    expect((await heard(carol, reply)).text).toBe("hi alice");
    await expect(carol.handle(reply)).rejects.toThrow(MlsError); // a replay: its key is spent
  });

  test("a call signal opens only as an application message: a commit sent as one changes nothing", async () => {
    const { groups: [alice, bob, carol] } = await threeMembers();
    const signal = await alice.protect(new Uint8Array(0), utf8('{"kind":"call.propose","call":"c1"}'));
    const opened = await bob.openApplication(signal);
    expect([opened.sender.leaf, opened.sender.personaId, fromUtf8(opened.plaintext)]).toEqual([0, "alice", '{"kind":"call.propose","call":"c1"}']);
    const commit = await carol.commit([], []);
    await expect(bob.openApplication(commit.message)).rejects.toThrow(MlsError);
    expect(bob.epoch()).toBe(alice.epoch());
    // Signals skipped by a device that was away cost it nothing but the generations in between.
    for (let i = 0; i < 150; i++) await alice.protect(new Uint8Array(0), utf8("{}"));
    expect((await heard(carol, await said(alice, "after the call"))).text).toBe("after the call");
  });

  test("the server's removal proposal is stored, committed by reference, and the one who left reads nothing after", async () => {
    const { groups: [alice, bob, carol] } = await threeMembers();
    const proposal = await server.proposeRemoval("scene-1", alice.epoch(), bob.ownLeaf());
    expect((await alice.handle(proposal)).kind).toBe("proposalStored");
    expect((await carol.handle(proposal)).kind).toBe("proposalStored");
    expect(alice.hasPendingProposals()).toBe(true);
    expect([...carol.pendingRemovals()]).toEqual([1]);
    const stillTalking = await said(carol, "before the commit");
    expect((await heard(alice, stillTalking)).text).toBe("before the commit");

    await committed(alice, [], [], [carol]);
    expectSameEpoch(alice, carol);
    expect(alice.hasPendingProposals()).toBe(false);
    expect(carol.members().map((m) => m.personaId)).toEqual(["alice", "carol"]);
    await expect(bob.handle(await said(alice, "after bob left"))).rejects.toThrow(MlsError);
  });

  test("a proposal not signed by the group's external sender is refused", async () => {
    const { groups: [alice, bob] } = await threeMembers();
    const impostor = await FakeServer.create();
    await expect(alice.handle(await impostor.proposeRemoval("scene-1", alice.epoch(), bob.ownLeaf()))).rejects.toThrow(/does not verify/);
    expect(alice.hasPendingProposals()).toBe(false);
  });

  test("a member removed by commit is told so and cannot read what follows", async () => {
    const { groups: [alice, bob, carol] } = await threeMembers();
    const commit = await alice.commit([], [carol.ownLeaf()]);
    expect(commit.welcome).toBeUndefined();
    await alice.confirm();
    expect((await bob.handle(commit.message)).kind).toBe("newEpoch");
    expect((await carol.handle(commit.message)).kind).toBe("removed");
    expectSameEpoch(alice, bob);
    const secret = await said(bob, "carol is gone");
    expect((await heard(alice, secret)).text).toBe("carol is gone");
    await expect(carol.handle(secret)).rejects.toThrow(MlsError);
  });

  test("a commit waits for the server: discarded it changes nothing, and a rival's commit that won replaces it", async () => {
    const { groups: [alice, bob, carol] } = await threeMembers();
    await alice.commit([], []);
    await alice.discard();
    expect(alice.epoch()).toBe(2n);
    await expect(alice.confirm()).rejects.toThrow(MlsError);

    await alice.commit([], []);
    const rival = await bob.commit([], []);
    await bob.confirm();
    const handled: Handled = await alice.handle(rival.message);
    expect(handled).toEqual({ kind: "newEpoch", epoch: 3n });
    await expect(alice.confirm()).rejects.toThrow(MlsError);
    expect((await carol.handle(rival.message)).kind).toBe("newEpoch");
    expectSameEpoch(alice, bob, carol);
  });

  test("a commit confirmed while a message is still being opened waits its turn", async () => {
    const { groups: [alice, bob, carol] } = await threeMembers();
    const commit = await alice.commit([], []);
    const early = await said(bob, "sent before the commit");
    const [opened] = await Promise.all([heard(alice, early), alice.confirm()]);
    expect(opened.text).toBe("sent before the commit");
    for (const other of [bob, carol]) expect((await other.handle(commit.message)).kind).toBe("newEpoch");
    expectSameEpoch(alice, bob, carol);
    expect((await heard(alice, await said(carol, "after the commit"))).text).toBe("after the commit");
  });

  test("commits go out as PublicMessage and application data as PrivateMessage", async () => {
    const { groups: [alice] } = await threeMembers();
    const wireFormat = (bytes: Uint8Array) => (bytes[2] << 8) | bytes[3];
    expect(wireFormat((await alice.commit([], [])).message)).toBe(1);
    await alice.discard();
    expect(wireFormat(await said(alice, "x"))).toBe(2);
  });

  test("concurrent sends never share a ratchet generation", async () => {
    const { groups: [alice, bob] } = await threeMembers();
    const messages = await Promise.all(["one", "two", "three"].map((text) => said(alice, text)));
    for (const [i, text] of ["one", "two", "three"].entries()) expect((await heard(bob, messages[i])).text).toBe(text);
  });

  test("state kept as IndexedDB keeps it (structured clone) restores and goes on working", async () => {
    const { devices, groups: [alice] } = await threeMembers();
    await devices[1].newKeyPackage("bob");
    const pending = await alice.commit([], []); // sent, and the page closed before the server answered
    const stored = devices.map((device) => structuredClone(device.save()));
    expect(stored[0].format).toBe(FORMAT);
    const restored = await Promise.all(stored.map((state) => TsMls.restore(state)));
    const [alice2, bob2, carol2] = restored.map((device) => device.group("scene-1")!);
    expect(restored[1].unusedKeyPackages("bob")).toBe(1);
    expect(equalBytes(restored[2].signatureKey(), devices[2].signatureKey())).toBe(true);

    await alice2.confirm();
    expect((await bob2.handle(pending.message)).kind).toBe("newEpoch");
    const commit = await alice2.commit([], [2]);
    await alice2.confirm();
    expect((await bob2.handle(commit.message)).kind).toBe("newEpoch");
    expect(bob2.epoch()).toBe(4n);
    expect((await heard(alice2, await said(bob2, "restored"))).text).toBe("restored");
    expect((await carol2.handle(pending.message)).kind).toBe("newEpoch");
    expect((await carol2.handle(commit.message)).kind).toBe("removed");
  });

  test("a restored device refuses state of another format", async () => {
    const stored = (await TsMls.create()).save();
    await expect(TsMls.restore({ ...stored, format: "something-else" })).rejects.toThrow(MlsError);
  });

  test("a Welcome for another device's KeyPackage, and garbage, are refused", async () => {
    const { devices } = await threeMembers();
    const stranger = await TsMls.create();
    const alice = devices[0].group("scene-1")!;
    const welcome = await alice.commit([await (await TsMls.create()).newKeyPackage("dave")], []);
    await expect(stranger.join(welcome.welcome!)).rejects.toThrow(/none of this device's KeyPackages/);
    await expect(alice.handle(Uint8Array.of(0, 1, 0, 9))).rejects.toThrow(MlsError);
  });
});
