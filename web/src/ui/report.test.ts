import { describe, expect, test } from "vitest";
import type { Report } from "../api/protocol";
import { filedNotice } from "./Report";

const filed = (verification: "verified" | "rejected", why: string): Report => ({
  id: "Rp1", kind: "scene", text: "a line", reason: "threat", note: "", verification, why, status: "open", at: 0,
});

describe("the answer to a report", () => {
  test("says whether the server verified the line, and that the reported side is not told", () => {
    expect(filedNotice(filed("verified", "commitment and server tag match")))
      .toBe("Report sent: verified by the server. The moderators will look at it; the persona you reported is not told who reported.");
  });

  test("gives the server's reason when it could not verify", () => {
    expect(filedNotice(filed("rejected", "the server key 3 has expired"))).toContain("not verified (the server key 3 has expired)");
  });
});
