import { describe, expect, test } from "vitest";
import { fairDie, parseDice, roll, rolledOnDevice, rolledText, written } from "./dice";

/** A die that comes up with the given faces in turn. */
const faces = (...shown: number[]) => () => shown.shift()!;

describe("reading dice as the server reads them", () => {
  test("dice and numbers, added or taken away, written back as the server writes them", () => {
    expect(parseDice("d20")).toEqual([{ minus: false, count: 1, sides: 20 }]);
    expect(parseDice("2d6+1")).toEqual([{ minus: false, count: 2, sides: 6 }, { minus: false, count: 1, sides: 0 }]);
    expect(written(parseDice(" 3D8 - 1d4 + 2 ")!)).toBe("3d8-d4+2");
    expect(written(parseDice("1d6")!)).toBe("d6");
    expect(written(parseDice("-d4+10")!)).toBe("-d4+10");
    expect(written(parseDice("100d1000")!)).toBe("100d1000");
  });

  test.each([
    ["", "nothing"], ["2d", "no sides"], ["d1", "one side"], ["d1001", "too many sides"], ["0d6", "no dice"],
    ["101d6", "more than a hundred dice"], ["60d6+41d6", "more than a hundred dice in all"], ["5", "a number without dice"],
    ["d20+1001", "a number past a thousand"], ["+d20", "a plus first"], ["d20 2", "two parts without a sign"],
    ["d20*2", "a sign the grammar lacks"], ["2 d6", "a space inside a part"], ["d6d6", "dice without a sign between"],
    ["d2+d2+d2+d2+d2+d2+d2+d2+d2+d2+d2", "eleven parts"], ["d20+", "a sign with nothing after it"],
  ])("%s is refused (%s)", (typed) => {
    expect(parseDice(typed)).toBeNull();
  });

  test("ten parts are allowed", () => {
    expect(parseDice("d2+d2+d2+d2+d2+d2+d2+d2+d2+d2")).toHaveLength(10);
  });
});

describe("how a roll reads", () => {
  test("each part's faces, the numbers as they are, and the total", () => {
    expect(rolledText(roll(parseDice("2d6+1")!, faces(4, 3)))).toBe("2d6+1: (4+3) + 1 = 8");
    expect(rolledText(roll(parseDice("3d8-1d4+2")!, faces(1, 2, 3, 4)))).toBe("3d8-d4+2: (1+2+3) - 4 + 2 = 4");
    expect(rolledText(roll(parseDice("d20-2")!, faces(1)))).toBe("d20-2: 1 - 2 = -1");
  });

  test("one die alone reads as its face", () => {
    expect(rolledText(roll(parseDice("d20")!, faces(17)))).toBe("d20: 17");
    expect(rolledText(roll(parseDice("-d6")!, faces(5)))).toBe("-d6: -5");
  });

  test("in a scene the pose says the device rolled", () => {
    expect(rolledOnDevice(parseDice("2d6+1")!, faces(4, 3))).toBe("rolls 2d6+1: (4+3) + 1 = 8 (on their own device)");
  });
});

describe("a fair die", () => {
  test("draws again past the last whole multiple of its sides, so that no face is likelier", () => {
    const draws = [2 ** 32 - 1, 2 ** 32 - 4, 7];
    // 2^32 is 4 more than a multiple of 6: the four highest draws would favour faces 1 to 4, so they are drawn again.
    expect(fairDie(6, () => draws.shift()!)).toBe(2);
    expect(draws).toEqual([]);
    expect(fairDie(6, () => 2 ** 32 - 5)).toBe(6);
  });

  test("every face of a real die comes up, and no other", () => {
    const seen = new Set(Array.from({ length: 2000 }, () => fairDie(6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
