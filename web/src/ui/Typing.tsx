import { useEffect, useRef } from "preact/hooks";
import { Typist, typingIn, typingText, typists } from "../app/typing";

/** Who is typing in a conversation (by its key), under its message box; the line keeps its place when nobody is. */
export function TypingLine({ place }: { place: string }) {
  const text = typingText(typingIn(typists.value, place));
  return (
    <p class="typing-line" data-view="typing">
      {text && <><span class="dots" aria-hidden="true"><i /><i /><i /></span>{text}</>}
    </p>
  );
}

/**
 * A message box's typist: it says typing through `send` (whichever is current when it speaks) and
 * says it stopped when the box goes, as when the person leaves the conversation.
 */
export function useTypist(send: (typing: boolean) => void): Typist {
  const current = useRef(send);
  current.current = send;
  const typist = useRef<Typist | null>(null);
  if (!typist.current) typist.current = new Typist((typing) => current.current(typing));
  useEffect(() => () => typist.current?.stop(), []);
  return typist.current;
}
