import { afterEach, describe, expect, test } from "vitest";
import { forget, heard, pictureOf, pictures } from "./avatars";

afterEach(() => forget());

describe("pictures of members and authors", () => {
  test("a view's own hash shows until the persona is heard of as it is now", () => {
    expect(pictureOf({ id: "rowan", avatar: "sent-with-the-line" })).toBe("sent-with-the-line");
    expect(pictureOf({ id: "sage" })).toBeNull();
    heard({ id: "rowan", avatar: "new" });
    expect(pictureOf({ id: "rowan", avatar: "sent-with-the-line" })).toBe("new");
  });

  test("a picture removed stays removed beside lines that still carry it", () => {
    heard({ id: "rowan", avatar: "old" });
    heard({ id: "rowan" });
    expect(pictureOf({ id: "rowan", avatar: "old" })).toBeNull();
  });

  test("many heard at once make one change, and none when nothing changed", () => {
    heard({ id: "rowan", avatar: "a" }, { id: "sage", avatar: null }, { id: "kit", avatar: "k" });
    const once = pictures.value;
    expect([...once.entries()]).toEqual([["rowan", "a"], ["sage", null], ["kit", "k"]]);
    heard({ id: "rowan", avatar: "a" }, { id: "sage" });
    expect(pictures.value).toBe(once);
  });

  test("forgotten on logout", () => {
    heard({ id: "rowan", avatar: "a" });
    forget();
    expect(pictures.value.size).toBe(0);
  });
});
