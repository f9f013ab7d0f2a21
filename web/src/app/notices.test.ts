import { describe, expect, test } from "vitest";
import { barsTheAccount, noticeText } from "./notices";

const at = Date.UTC(2026, 11, 2, 21, 0);
const shown = new Date(at).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });

describe("a moderator's notice in words", () => {
  test("a warning says it is one, with the moderator's text", () => {
    expect(noticeText("warning", "keep it civil")).toBe("A moderator warns you: keep it civil.");
    expect(noticeText("warning", "Stop now!")).toBe("A moderator warns you: Stop now!");
  });

  test("a suspension says why and until when", () => {
    expect(noticeText("suspended", "harassment", at))
      .toBe(`A moderator suspended this account until ${shown}: harassment. You cannot use Tryst until then.`);
  });

  test("a ban without a reason still says what happened", () => {
    expect(noticeText("banned", "  ")).toBe("A moderator banned this account.");
  });

  test("only suspensions and bans bar the account", () => {
    expect(["warning", "muted", "suspended", "banned"].filter(barsTheAccount)).toEqual(["suspended", "banned"]);
  });
});
