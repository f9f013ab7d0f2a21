import { describe, expect, it } from "vitest";
import { readAgeReturn, refusal } from "./age";

describe("the age provider's return", () => {
  it("is read from the account page's address", () => {
    expect(readAgeReturn("#/account?age=verified")).toEqual({ verified: true });
    expect(readAgeReturn("#/account?age=refused&why=under_age")).toEqual({ verified: false, why: "under_age" });
  });

  it("is nothing for any other address", () => {
    expect(readAgeReturn("")).toBeNull();
    expect(readAgeReturn("#/account")).toBeNull();
    expect(readAgeReturn("#/elsewhere?age=verified")).toBeNull();
    expect(readAgeReturn("#/account?age=maybe")).toBeNull();
  });

  it("says why in words, and something plain for a reason it does not know", () => {
    expect(refusal("under_age")).toContain("18 or older");
    expect(refusal("something new")).toBe("Your age could not be verified.");
    expect(refusal()).toBe("Your age could not be verified.");
  });
});
