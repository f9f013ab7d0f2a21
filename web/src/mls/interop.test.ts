/**
 * Bytes made by the Java client's MLS layer (see fixtures/README.md), handled by ours: a browser
 * joins a scene that Java created, reads Java's lines with their franking, follows Java's commits,
 * and stores and follows the server's removal proposal in a group whose external_senders Bouncy
 * Castle wrote.
 */
import { describe, expect, test } from "vitest";
import fixtureJson from "./fixtures/java-scene.json?raw";
import { fromHex, hex } from "./bytes";
import { open } from "./message";
import { safetyNumber } from "./safety";
import { FORMAT, TsMls } from "./tsMls";

interface Fixture {
  sceneId: string;
  bob: {
    signaturePublicKey: string;
    signaturePrivateKey: string;
    keyPackage: { reference: string; personaId: string; keyPackage: string; initPrivateKey: string; encryptionPrivateKey: string };
  };
  welcome: string;
  welcomeEpochAuthenticator: string;
  aliceSignatureKey: string;
  safetyNumber: string;
  steps: { message: string; from: string | null; epoch: number; epochAuthenticator: string }[];
}

const fixture = JSON.parse(fixtureJson) as Fixture;

/** Bob's device as the browser saved it before Java added him; it holds no group, so only its keys matter. */
function bob(): Promise<TsMls> {
  const { keyPackage } = fixture.bob;
  return TsMls.restore({
    format: FORMAT,
    signaturePublicKey: fromHex(fixture.bob.signaturePublicKey),
    signaturePrivateKey: fromHex(fixture.bob.signaturePrivateKey),
    keyPackages: [{
      reference: keyPackage.reference,
      personaId: keyPackage.personaId,
      keyPackage: fromHex(keyPackage.keyPackage),
      initPrivateKey: fromHex(keyPackage.initPrivateKey),
      encryptionPrivateKey: fromHex(keyPackage.encryptionPrivateKey),
    }],
    groups: [],
  });
}

describe("a scene made by the Java client", () => {
  test("the browser joins from Java's Welcome and agrees with Java on the epoch and the safety number", async () => {
    const device = await bob();
    const scene = await device.join(fromHex(fixture.welcome));
    expect(scene.id).toBe(fixture.sceneId);
    expect(scene.epoch()).toBe(1n);
    expect(hex(scene.epochAuthenticator())).toBe(fixture.welcomeEpochAuthenticator);
    expect(scene.members().map((member) => [member.leaf, member.personaId])).toEqual([[0, "alice"], [1, "bob"]]);
    expect(scene.ownLeaf()).toBe(1);
    const [alice, me] = scene.members();
    expect(hex(alice.signatureKey)).toBe(fixture.aliceSignatureKey);
    expect(await safetyNumber(me.personaId, [me.signatureKey], alice.personaId, [alice.signatureKey])).toBe(fixture.safetyNumber);
    expect(device.unusedKeyPackages("bob")).toBe(0);
  });

  test("the browser reads Java's lines, follows its commits, and the server's removal committed by reference", async () => {
    const scene = await (await bob()).join(fromHex(fixture.welcome));
    const seen: string[] = [];
    for (const step of fixture.steps) {
      const handled = await scene.handle(fromHex(step.message));
      if (handled.kind === "application") {
        const opened = await open(handled, step.from, fixture.sceneId, BigInt(step.epoch));
        seen.push(opened.kind === "said" ? `${handled.sender.personaId} ${opened.body.kind}s ${opened.body.text}` : `dropped: ${opened.reason}`);
      } else {
        seen.push(handled.kind === "newEpoch" ? `epoch ${handled.epoch}` : handled.kind);
        expect(scene.epoch()).toBe(BigInt(step.epoch));
        expect(hex(scene.epochAuthenticator())).toBe(step.epochAuthenticator);
      }
      if (handled.kind === "proposalStored") expect([...scene.pendingRemovals()]).toEqual([2]);
    }
    expect(seen).toEqual([
      "alice says hello from java",
      "epoch 2",
      "carol poses waves from java",
      "proposalStored",
      "epoch 3",
      "alice says carol has left",
    ]);
    expect(scene.members().map((member) => member.personaId)).toEqual(["alice", "bob"]);
    expect(scene.hasPendingProposals()).toBe(false);
  });

  test("a Java line whose sender the server misnames is dropped", async () => {
    const scene = await (await bob()).join(fromHex(fixture.welcome));
    const [first] = fixture.steps;
    const handled = await scene.handle(fromHex(first.message));
    if (handled.kind !== "application") throw new Error("expected application data");
    expect(await open(handled, "carol", fixture.sceneId, BigInt(first.epoch))).toEqual({ kind: "dropped", reason: "the MLS sender is not the persona the server names" });
  });
});
