import { describe, expect, test } from "vitest";
import { concat, utf8 } from "./bytes";
import { authenticatedData } from "./franking";
import { open, seal } from "./message";
import type { Member } from "./mls";
import { TsMls } from "./tsMls";

const alice: Member = { leaf: 0, personaId: "alice", signatureKey: new Uint8Array(32) };

describe("scene message content", () => {
  test("a sealed body opens as what was said", async () => {
    const sealed = await seal({ kind: "pose", text: "waves" }, "scene-1", 3n);
    expect(sealed.authenticatedData.length).toBe(33);
    expect(sealed.authenticatedData[0]).toBe(1);
    expect(sealed.plaintext.length).toBe(32 + '{"kind":"pose","text":"waves"}'.length);
    expect(await open({ sender: alice, ...sealed }, "alice", "scene-1", 3n)).toEqual({ kind: "said", body: { kind: "pose", text: "waves" },
      key: sealed.plaintext.subarray(0, 32), json: sealed.plaintext.subarray(32) });
  });

  test("a forged commitment is dropped", async () => {
    const sealed = await seal({ kind: "say", text: "I never said this" }, "scene-1", 3n);
    const forged = await authenticatedData(new Uint8Array(32), utf8("scene-1"), 3n, utf8('{"kind":"say","text":"I never said this"}'));
    expect(await open({ sender: alice, plaintext: sealed.plaintext, authenticatedData: forged }, "alice", "scene-1", 3n))
      .toEqual({ kind: "dropped", reason: "the franking commitment does not match the message" });
  });

  test("a commitment to another scene or epoch is dropped", async () => {
    const sealed = await seal({ kind: "say", text: "hi" }, "scene-1", 3n);
    expect((await open({ sender: alice, ...sealed }, "alice", "scene-2", 3n)).kind).toBe("dropped");
    expect((await open({ sender: alice, ...sealed }, "alice", "scene-1", 4n)).kind).toBe("dropped");
  });

  test("a sender other than the persona the server names is dropped", async () => {
    const sealed = await seal({ kind: "say", text: "hi" }, "scene-1", 3n);
    expect(await open({ sender: alice, ...sealed }, "mallory", "scene-1", 3n))
      .toEqual({ kind: "dropped", reason: "the MLS sender is not the persona the server names" });
    expect((await open({ sender: alice, ...sealed }, null, "scene-1", 3n)).kind).toBe("dropped");
  });

  test("content without a franking key, or with a body that is not a line, is dropped", async () => {
    expect(await open({ sender: alice, plaintext: new Uint8Array(31), authenticatedData: new Uint8Array(33) }, "alice", "scene-1", 3n))
      .toEqual({ kind: "dropped", reason: "the message has no franking key" });
    const key = new Uint8Array(32).fill(7);
    for (const json of ['{"kind":"shout","text":"x"}', '{"kind":"say"}', "[]", "not json"]) {
      const body = utf8(json);
      const opened = await open({ sender: alice, plaintext: concat(key, body), authenticatedData: await authenticatedData(key, utf8("scene-1"), 3n, body) },
        "alice", "scene-1", 3n);
      expect(opened).toEqual({ kind: "dropped", reason: "the message body is not readable" });
    }
  });

  test("end to end: a member who commits to other content than it sends is caught after decryption", async () => {
    const [sender, receiver] = [await TsMls.create(), await TsMls.create()];
    const group = await sender.create("scene-1", "alice", new Uint8Array(32).fill(9));
    const commit = await group.commit([await receiver.newKeyPackage("bob")], []);
    await group.confirm();
    const joined = await receiver.join(commit.welcome!);
    const honest = await seal({ kind: "say", text: "the truth" }, "scene-1", group.epoch());
    const other = await seal({ kind: "say", text: "something else" }, "scene-1", group.epoch());
    const handled = await joined.handle(await group.protect(other.authenticatedData, honest.plaintext));
    if (handled.kind !== "application") throw new Error("expected application data");
    expect(await open(handled, "alice", "scene-1", joined.epoch())).toEqual({ kind: "dropped", reason: "the franking commitment does not match the message" });
  });
});
