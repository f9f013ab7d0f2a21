import { signal } from "@preact/signals";
import { activity, count, dropped, entered, read, readUpTo, stands, type Heard } from "./activity";
import { notice, toasts, view, type View } from "./state";

/** The key of a channel's conversation. */
export const channelKey = (name: string) => `#${name}`;
/** The key of a scene's conversation. */
export const sceneKey = (id: string) => `scene:${id}`;
/** The key of the text world's conversation, whichever persona is in it. */
export const WORLD_KEY = "world";

/** The conversation a view shows, by key, or null for a view that is no conversation. */
export function conversationKey(shown: View): string | null {
  switch (shown.kind) {
    case "channel": return channelKey(shown.name);
    case "scene": return sceneKey(shown.id);
    case "world": return WORLD_KEY;
    case "conversations": case "home": case "invitations": case "persona": case "account": case "limits": case "moderation": case "board": case "looking": return null;
  }
}

/** Where the open conversation shows its "new" marker: the first line that was unread when the person came to it. */
export const newSince = signal<string | null>(null);

/**
 * Goes to a view. What the notice said was about the view left, so it goes too; a conversation
 * opened is read, and a toast that leads to the view goes once the person is there.
 */
export function go(next: View): void {
  notice.value = null;
  const key = conversationKey(next);
  newSince.value = key ? activity.value.get(key)?.firstUnread ?? null : null;
  if (key) activity.value = read(activity.value, key);
  const where = JSON.stringify(next);
  toasts.value = toasts.value.filter((toast) => JSON.stringify(toast.action.view) !== where);
  view.value = next;
}

/** Leaves the conversation if it is the one on screen (it ended, or the person left it), and forgets what was new in it. */
export function gone(key: string): void {
  activity.value = dropped(activity.value, key);
  if (conversationKey(view.value) === key) go({ kind: "home" });
}

/** Whether the person sees the conversation now: it is open, and the page is in front. */
function looking(key: string): boolean {
  return conversationKey(view.value) === key && (typeof document === "undefined" || document.visibilityState === "visible");
}

/** A line arrived in a conversation: new to the person unless they are looking at it. */
export function heard(key: string, line: Heard): void {
  activity.value = count(activity.value, key, line, looking(key));
}

/**
 * Where the person stands in a conversation as the server counts it, on connecting: `unread` of
 * its `lines`, unless they are looking at it now.
 */
export function standing(key: string, lines: readonly Heard[], unread: number, at: number): void {
  activity.value = stands(activity.value, key, lines, looking(key) ? 0 : unread, at);
}

/** Another of the person's devices read the conversation up to a line: what it read is no longer new here. */
export function readElsewhere(key: string, lines: readonly Heard[], upTo: string): void {
  activity.value = readUpTo(activity.value, key, lines, upTo);
}

/** The person is in a conversation from now on (a channel joined, a scene joined), as of its last line. */
export function enter(key: string, at: number): void {
  activity.value = entered(activity.value, key, at);
}

// Lines that came while the page was behind others are new when the person comes back to it.
if (typeof document !== "undefined") {
  document.addEventListener("visibilitychange", () => {
    const key = conversationKey(view.value);
    if (document.visibilityState !== "visible" || !key) return;
    const first = activity.value.get(key)?.firstUnread;
    if (first) newSince.value = first;
    activity.value = read(activity.value, key);
  });
}
