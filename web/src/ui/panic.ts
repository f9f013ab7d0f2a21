import { useEffect } from "preact/hooks";
import { hangUpEverything } from "../app/calls/calls";
import { forgetAll } from "../app/state";

/** Two presses of Escape closer together than this hide the page. */
const DOUBLE_PRESS_MS = 800;
/** Where the page goes when hidden: the server redirects it to the operator's choice (web.panic_page). */
const NEUTRAL_PAGE = "/hide";

/**
 * Hides Tryst at once: forgets what is on screen and replaces the page, in place in the history,
 * with a neutral one, so that neither the screen nor the back button shows what was there. The
 * session ends too, so that whoever opens the page next must log in; this device's keys stay, so
 * the person's scenes are there again when they do. Calls end in the same moment: cameras and
 * microphones stop, and every connection to a partner closes.
 */
export function panic(): void {
  hangUpEverything();
  // keepalive: the request outlives the page it leaves.
  void fetch("/api/logout", { method: "POST", keepalive: true, credentials: "same-origin",
    headers: { "Content-Type": "application/json" }, body: "{}" }).catch(() => undefined);
  forgetAll();
  document.title = "Notes";
  document.body.replaceChildren();
  location.replace(NEUTRAL_PAGE);
}

/**
 * Tells, press by press (given when each happened, in milliseconds), whether a press is the second of
 * two close together. The first press ever only starts the count, however soon after the page loaded.
 */
export function doublePress(): (at: number) => boolean {
  let last = -Infinity;
  return (at) => {
    const second = at - last < DOUBLE_PRESS_MS;
    last = at;
    return second;
  };
}

/** Escape pressed twice in quick succession hides the page, wherever the focus is. */
export function usePanicKey(): void {
  useEffect(() => {
    const pressed = doublePress();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && pressed(performance.now())) panic();
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, []);
}
