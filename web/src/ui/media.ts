import { useEffect, useState } from "preact/hooks";

/** Below this width the app shows one pane at a time, as on a phone; style.css uses the same width. */
const NARROW = "(max-width: 719px)";

/** Whether the screen is narrow, as a phone's; follows changes (a rotated phone, a resized window). */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => isNarrow());
  useEffect(() => {
    const query = matchMedia(NARROW);
    const change = () => setNarrow(query.matches);
    query.addEventListener("change", change);
    return () => query.removeEventListener("change", change);
  }, []);
  return narrow;
}

/** Whether the screen is narrow now. */
function isNarrow(): boolean {
  return typeof matchMedia !== "undefined" && matchMedia(NARROW).matches;
}
