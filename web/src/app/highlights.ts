import { computed, signal } from "@preact/signals";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { mentions } from "./activity";
import { parse, shownText } from "./markup";
import { personas, username } from "./state";

/** How many highlight words a person may keep, and how long each may be. */
export const MAX_WORDS = 32;
export const MAX_WORD = 40;

/**
 * Where this account's highlight words are kept in this browser. A preference of this device, not
 * of the account: the server never sees them. The key is a digest of the username, so that another
 * account logging in here neither sees these words nor learns, from the key, who kept some.
 */
function key(account: string): string {
  return `notes.highlights.${bytesToHex(sha256(utf8ToBytes(`tryst highlight words\u0000${account}`))).slice(0, 24)}`;
}

/** Bumped when the words are saved, so that what depends on them reads them again. */
const saved = signal(0);

/** The extra words that count as naming the person, as their persona names do, on this device. */
export const highlightWords = computed<readonly string[]>(() => {
  void saved.value;
  if (!username.value || typeof localStorage === "undefined") return [];
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key(username.value)) ?? "[]");
    return Array.isArray(stored) ? words(stored.filter((word): word is string => typeof word === "string").join(",")) : [];
  } catch {
    return [];
  }
});

/**
 * The words a person typed, separated by commas or lines: trimmed, inner spaces made one, each of
 * two to MAX_WORD characters (one letter would light every line), each once whatever its case, at
 * most MAX_WORDS of them.
 */
export function words(typed: string): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const part of typed.split(/[,\n]/)) {
    const word = part.trim().replace(/\s+/gu, " ");
    const length = [...word].length;
    if (length < 2 || length > MAX_WORD || seen.has(word.toLocaleLowerCase())) continue;
    seen.add(word.toLocaleLowerCase());
    kept.push(word);
    if (kept.length === MAX_WORDS) break;
  }
  return kept;
}

/** Keeps the words for this account in this browser (none: forgets them) and returns what was kept. */
export function setHighlightWords(typed: string): string[] {
  const kept = words(typed);
  if (kept.length === 0) localStorage.removeItem(key(username.value));
  else localStorage.setItem(key(username.value), JSON.stringify(kept));
  saved.value++;
  return kept;
}

/** What names the person in a line: the names of their personas and their highlight words. */
export const namesOfMe = computed<readonly string[]>(() => [...personas.value.map((persona) => persona.name), ...highlightWords.value]);

/** Whether a line names the person, in the text it reads as once formatted (`_Juno_` names Juno). */
export function namesMe(text: string): boolean {
  // A name inside a spoiler must not light the line: that would tell what the spoiler hides.
  return mentions(shownText(parse(text)), namesOfMe.value);
}
