import { signal } from "@preact/signals";

const KEY = "notes.notify";

/** Whether the person asked to be told of new messages; off until they say so. */
export const notifying = signal(typeof localStorage !== "undefined" && localStorage.getItem(KEY) === "yes");

/** Turns notifications on (asking the browser's permission) or off. */
export async function setNotifying(on: boolean): Promise<boolean> {
  if (on && typeof Notification !== "undefined" && Notification.permission !== "granted") {
    on = (await Notification.requestPermission()) === "granted";
  }
  notifying.value = on;
  localStorage.setItem(KEY, on ? "yes" : "no");
  return on;
}

/**
 * Tells the person something new arrived while the page is hidden. The notification never says
 * who or what: it shows on lock screens and in notification centres, where others may look.
 */
export function somethingNew(): void {
  if (!notifying.value || typeof Notification === "undefined" || Notification.permission !== "granted") return;
  if (document.visibilityState === "visible") return;
  new Notification("Notes", { body: "Something new", tag: "notes", silent: false });
}
