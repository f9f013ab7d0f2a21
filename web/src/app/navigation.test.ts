import { beforeEach, describe, expect, test } from "vitest";
import { activity } from "./activity";
import { channelKey, enter, go, gone, heard, newSince, sceneKey } from "./navigation";
import { forgetAll, notice, toasts, view } from "./state";

const line = (id: string, at: number) => ({ id, at, mine: false, mentionsMe: false });

beforeEach(() => forgetAll());

describe("going somewhere", () => {
  test("what the notice said stays behind, and a toast that leads here goes", () => {
    notice.value = "Kit is saved.";
    toasts.value = [
      { id: "i1", text: "Kit invites Juno into a private scene.", action: { label: "Show the invitation", view: { kind: "invitations" } } },
      { id: "j1", text: "You joined the private scene with Kit.", action: { label: "Open the scene", view: { kind: "scene", id: "s1" } } },
    ];
    go({ kind: "invitations" });
    expect(notice.value).toBeNull();
    expect(toasts.value.map((toast) => toast.id)).toEqual(["j1"]);
  });

  test("a conversation opened is read, its marker at the first line that was new", () => {
    enter(channelKey("lobby"), 1);
    heard(channelKey("lobby"), line("01", 2));
    heard(channelKey("lobby"), line("02", 3));
    expect(activity.value.get("#lobby")?.unread).toBe(2);
    go({ kind: "channel", name: "lobby" });
    expect(activity.value.get("#lobby")?.unread).toBe(0);
    expect(newSince.value).toBe("01");
    heard(channelKey("lobby"), line("03", 4));
    expect(activity.value.get("#lobby")?.unread).toBe(0);
    go({ kind: "account" });
    expect(newSince.value).toBeNull();
  });

  test("a conversation that ends takes the person home only when they were in it", () => {
    enter(sceneKey("s1"), 1);
    go({ kind: "scene", id: "s1" });
    gone(sceneKey("s2"));
    expect(view.value).toEqual({ kind: "scene", id: "s1" });
    gone(sceneKey("s1"));
    expect(view.value).toEqual({ kind: "home" });
    expect(activity.value.has("scene:s1")).toBe(false);
  });
});
