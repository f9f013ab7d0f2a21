import { useState } from "preact/hooks";
import { highlightWords, MAX_WORD, MAX_WORDS, setHighlightWords } from "../app/highlights";

/**
 * The words besides one's persona names that make a line stand out and count as naming the
 * person in the list of conversations. They are this browser's, for this account: the server
 * never sees them, which is why another device does not know them.
 */
export function HighlightWords() {
  const [typed, setTyped] = useState(highlightWords.value.join(", "));
  const [said, setSaid] = useState("");
  const save = (event: Event) => {
    event.preventDefault();
    const kept = setHighlightWords(typed);
    setTyped(kept.join(", "));
    setSaid(kept.length === 0 ? "No highlight words: only your persona names count." : `Saved in this browser: ${kept.join(", ")}.`);
  };
  return (
    <form class="highlights" onSubmit={save} aria-labelledby="highlights-title">
      <h3 id="highlights-title">Highlight words</h3>
      <label>Words that count as naming you, as your persona names do
        <input value={typed} autocomplete="off" aria-describedby="highlights-hint" onInput={(event) => setTyped(event.currentTarget.value)} /></label>
      <p id="highlights-hint" class="hint muted">
        Separate them with commas; up to {MAX_WORDS}, each of 2 to {MAX_WORD} characters. A line with one of them stands out
        and its conversation shows the @ mark. Kept in this browser only, for this account: the server never sees them.</p>
      <p class="buttons"><button type="submit">Save highlight words</button></p>
      <p class="status" role="status">{said}</p>
    </form>
  );
}
