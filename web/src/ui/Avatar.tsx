import { useState } from "preact/hooks";
import type { Author } from "../api/protocol";
import { pictureOf, pictureUrl } from "../app/avatars";
import { personas } from "../app/state";

/** Where a picture shows: beside a channel line, in a list of members, on a profile; in CSS pixels. */
const SIDES = { line: 20, member: 28, profile: 96 } as const;

/**
 * A persona's picture, served by the server under its hash; where there is none, or it cannot be
 * loaded, the first letter of the name in a neutral circle. Its alt text names the persona, except
 * beside a line, where the name follows at once and would be read out twice.
 */
export function Avatar({ persona, size }: { persona: Author; size: keyof typeof SIDES }) {
  const own = personas.value.find((mine) => mine.id === persona.id);
  const hash = own ? own.avatar ?? null : pictureOf(persona);
  const [failed, setFailed] = useState<string | null>(null);
  if (hash && hash !== failed) {
    return <img class={`avatar ${size}`} src={pictureUrl(hash)} alt={size === "line" ? "" : `Picture of ${persona.name}`}
      width={SIDES[size]} height={SIDES[size]} loading={size === "profile" ? "eager" : "lazy"} onError={() => setFailed(hash)} />;
  }
  // The letter is drawn by CSS from an attribute, so that it is no part of the text the name is read and found in.
  return <span class={`avatar ${size} initial`} aria-hidden="true" data-initial={[...persona.name][0]?.toLocaleUpperCase()} />;
}
