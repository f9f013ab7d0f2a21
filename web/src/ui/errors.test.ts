import { expect, test } from "vitest";
import { Refused } from "../api/socket";
import { explain } from "./errors";

test("known codes read as sentences, with the wait when the server gives one", () => {
  expect(explain(new Refused("too_many_attempts", "x", 4_200))).toBe("Too many tries. Wait a little, then try again. (about 5 s)");
  expect(explain(new Refused("password_common", "x"))).toContain("most common");
  expect(explain(new Refused("name_confusable", "x"))).toContain("one alphabet");
});

test("an unknown code falls back to the server's own message, anything else to a plain line", () => {
  expect(explain(new Refused("something_new", "The server says so."))).toBe("The server says so.");
  expect(explain(new TypeError("boom"))).toBe("Something went wrong. Try again.");
});
