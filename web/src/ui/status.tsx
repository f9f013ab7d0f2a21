import { useState } from "preact/hooks";

/**
 * What a form says about what it just did, or why it could not, shown beside its button rather
 * than at the top of the page, and gone with the form.
 */
export function useStatus(): [preact.JSX.Element, (text: string | null, failed?: boolean) => void] {
  const [said, setSaid] = useState<{ text: string; failed: boolean } | null>(null);
  const element = <p class={said?.failed ? "status error" : "status"} role="status">{said?.text}</p>;
  return [element, (text, failed = false) => setSaid(text === null ? null : { text, failed })];
}
