import { beforeEach, describe, expect, test } from "vitest";
import type { Invitation } from "../api/protocol";
import { forgetAll, invitationAccepted, invitationGone, invitations, toasts } from "./state";

const invitation = (id: string, status: Invitation["status"] = "pending"): Invitation => ({
  id, scene: "s1", from: { id: "rowan", name: "Rowan" }, to: { id: "sage", name: "Sage" }, note: "", status, expiresAt: 0,
  topics: [], safeword: "red", matches: [], fromNotes: "", toNotes: "",
});
const toast = (id: string) => ({ id, text: "Rowan invites Sage into a private scene.", action: { label: "Show the invitation", view: { kind: "invitations" as const } } });

beforeEach(() => forgetAll());

describe("an invitation gone elsewhere", () => {
  test("leaves the list it was in, with its toast, and nothing else", () => {
    invitations.value = { received: [invitation("i1"), invitation("i2")], sent: [invitation("i3")] };
    toasts.value = [toast("i1"), toast("i2")];
    invitationGone("i1");
    expect(invitations.value.received.map((i) => i.id)).toEqual(["i2"]);
    expect(toasts.value.map((t) => t.id)).toEqual(["i2"]);
    invitationGone("i3");
    expect(invitations.value.sent).toEqual([]);
  });

  test("one this page never heard of changes nothing", () => {
    invitations.value = { received: [invitation("i1")], sent: [] };
    const before = invitations.value;
    const shown = toasts.value;
    invitationGone("elsewhere");
    expect(invitations.value).toBe(before);
    expect(toasts.value).toBe(shown);
  });

  test("one sent and accepted says so until its persona is added", () => {
    invitations.value = { received: [], sent: [invitation("i1"), invitation("i2")] };
    invitationAccepted(invitation("i1", "accepted"));
    expect(invitations.value.sent.map((i) => i.status)).toEqual(["accepted", "pending"]);
    invitationGone("i1");
    expect(invitations.value.sent.map((i) => i.id)).toEqual(["i2"]);
  });
});
