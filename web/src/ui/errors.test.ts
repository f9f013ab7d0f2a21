import { expect, test } from "vitest";
import { Refused } from "../api/socket";
import { explain, FITS, RULES, Said } from "./errors";

test("known codes read as sentences, with the wait when the server gives one", () => {
  expect(explain(new Refused("too_many_attempts", "x", 4_200))).toBe("Too many tries. Wait a little, then try again. (about 5 s)");
  expect(explain(new Refused("password_common", "x"))).toContain("most common");
  expect(explain(new Refused("name_confusable", "x"))).toContain("one alphabet");
});

test("one's own limit reads calmly, without a countdown", () => {
  expect(explain(new Refused("daily_limit", "x", 3_600_000))).toBe("Today's time, as you limited it, is used up.");
  expect(explain(new Refused("excluded", "x", 86_400_000))).toContain("nobody can lift it early");
});

test("an unknown code falls back to the server's own message, anything else to a plain line", () => {
  expect(explain(new Refused("something_new", "The server says so."))).toBe("The server says so.");
  expect(explain(new TypeError("boom"))).toBe("Something went wrong. Try again.");
});

test("a refused name says the rule it broke; a failure already in words is said as it is", () => {
  expect(explain(new Refused("invalid_message", "username: bad"), "username")).toBe(RULES.username);
  expect(explain(new Refused("invalid_message", "channel: bad"), "channel")).toBe(RULES.channel);
  expect(explain(new Said("There is no invitation 3; /invitations lists them."))).toBe("There is no invitation 3; /invitations lists them.");
});

test("names are checked against their rules before they are sent", () => {
  expect(FITS.username("rowan")).toBe(true);
  expect(FITS.username("Ro")).toBe(false);
  expect(FITS.username("-rowan")).toBe(false);
  expect(FITS.channel("quiet-room")).toBe(true);
  expect(FITS.channel("Quiet Room")).toBe(false);
  expect(FITS.persona("Sage Moon")).toBe(true);
  expect(FITS.persona("Zoë")).toBe(true);
  expect(FITS.persona("7th")).toBe(false);
});
