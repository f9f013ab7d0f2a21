import { useEffect } from "preact/hooks";
import { forgetAll } from "../app/state";

/** Two presses of Escape closer together than this hide the page. */
const DOUBLE_PRESS_MS = 800;
/** Where the page goes when hidden: the server redirects it to the operator's choice (web.panic_page). */
const NEUTRAL_PAGE = "/hide";

/**
 * Hides Tryst at once: forgets what is on screen and replaces the page, in place in the history,
 * with a neutral one, so that neither the screen nor the back button shows what was there.
 */
export function panic(): void {
  forgetAll();
  document.title = "Notes";
  document.body.replaceChildren();
  location.replace(NEUTRAL_PAGE);
}

/** Escape pressed twice in quick succession hides the page, wherever the focus is. */
export function usePanicKey(): void {
  useEffect(() => {
    let last = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const now = performance.now();
      if (now - last < DOUBLE_PRESS_MS) panic();
      last = now;
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, []);
}
