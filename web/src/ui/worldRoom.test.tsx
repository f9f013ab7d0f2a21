import { renderToString } from "preact-render-to-string";
import { describe, expect, test } from "vitest";
import { initial } from "../app/world";
import { ann, courtyard, kit } from "../app/worldFixtures";
import { Here } from "./WorldRoom";

/** Who is here, as rendered for Ann, with the occupants given. */
const here = (...others: (typeof kit)[]) =>
  renderToString(<Here state={{ ...initial(ann.id), room: courtyard, here: [ann, ...others] }} send={() => undefined} />);

describe("who is here", () => {
  test("someone known by their real name has their profile and an invitation beside them", () => {
    const html = here(kit);
    expect(html).toContain("Profile of Kit");
    expect(html).toContain("Invite<span class=\"sr-only\"> Kit</span> to a private scene");
  });

  test("in a world with recognition, a stranger or a recognised name shows neither, which would tell who they are", () => {
    const html = here({ id: "p-ada", name: "a tall woman in a green coat", status: "online", shown: "sdesc" },
      { id: "p-bo", name: "Lantern", status: "online", shown: "recog" });
    expect(html).toContain("Look at a tall woman in a green coat");
    expect(html).toContain("Look at Lantern");
    expect(html).not.toContain("Profile of");
    expect(html).not.toContain("Invite ");
  });
});
